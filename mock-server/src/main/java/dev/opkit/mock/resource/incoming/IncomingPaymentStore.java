package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.wallet.Wallet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where incoming payments are kept, findable by id and pageable per wallet (and client). */
public interface IncomingPaymentStore {
  void add(IncomingPaymentRecord payment);

  Optional<IncomingPaymentRecord> find(UUID id);

  /**
   * A page of a wallet's incoming payments, newest first.
   *
   * @param client only those this client created, or null for all
   * @throws dev.opkit.mock.http.ApiException 400 when the cursor is not one of the listed items
   */
  PageResult<IncomingPaymentRecord> page(Wallet wallet, String client, PageRequest request);

  /** Pending payments whose expiry is at or before {@code now}, oldest expiry first. */
  List<IncomingPaymentRecord> dueBy(Instant now, int max);

  /** Stops watching a payment's expiry (it completed or expired). */
  void settled(IncomingPaymentRecord payment);

  /** Deletes a payment: it is no longer found, listed or watched for expiry. */
  void remove(IncomingPaymentRecord payment);

  /** How many incoming payments are stored. */
  int count();

  void clear();
}
