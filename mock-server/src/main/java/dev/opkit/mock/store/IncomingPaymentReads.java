package dev.opkit.mock.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading a session's incoming payments. */
public interface IncomingPaymentReads {
  Optional<IncomingPaymentRecord> find(UUID id);

  /**
   * A page of a wallet's incoming payments, newest first.
   *
   * @param client only those this client created, or null for all
   * @return empty when the cursor is not one of the listed payments
   */
  Optional<PageResult<IncomingPaymentRecord>> page(WalletId wallet, String client, PageQuery query);

  /** Pending payments whose expiry is at or before {@code now}, oldest expiry first. */
  List<IncomingPaymentRecord> dueBy(Instant now, int max);

  /** How many incoming payments the session holds. */
  int count();
}
