package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading a session's outgoing payments. */
public interface OutgoingPaymentReads {
  Optional<OutgoingPaymentRecord> find(UUID id);

  /**
   * A page of a wallet's outgoing payments, newest first.
   *
   * @param client only those this client created, or null for all
   * @return empty when the cursor is not one of the listed payments
   */
  Optional<PageResult<OutgoingPaymentRecord>> page(WalletId wallet, String client, PageQuery query);

  /**
   * Payments in progress whose settlement is due at or before {@code dueAtMillis} (real time),
   * earliest first: what the settlement sweep picks up.
   */
  List<OutgoingPaymentRecord> dueBy(long dueAtMillis, int max);

  /** How many outgoing payments the session holds. */
  int count();
}
