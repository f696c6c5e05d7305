package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.wallet.Wallet;
import java.util.Optional;
import java.util.UUID;

/** Where outgoing payments are kept, findable by id and pageable per wallet (and client). */
public interface OutgoingPaymentStore {
  void add(OutgoingPaymentRecord payment);

  Optional<OutgoingPaymentRecord> find(UUID id);

  /**
   * A page of a wallet's outgoing payments, newest first.
   *
   * @param client only those this client created, or null for all
   * @throws dev.opkit.mock.http.ApiException 400 when the cursor is not one of the listed items
   */
  PageResult<OutgoingPaymentRecord> page(Wallet wallet, String client, PageRequest request);

  /** How many outgoing payments are stored. */
  int count();

  void clear();
}
