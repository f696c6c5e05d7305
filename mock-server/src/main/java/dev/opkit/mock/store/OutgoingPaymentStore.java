package dev.opkit.mock.store;

import java.util.Optional;
import java.util.UUID;

/** A session's outgoing payments, inside a transaction. */
public interface OutgoingPaymentStore {
  Optional<OutgoingPaymentRecord> find(UUID id);

  /** The payment, to be changed by this transaction: a database locks its row. */
  Optional<OutgoingPaymentRecord> forUpdate(UUID id);

  /** Saves a new payment or a new version of one. */
  void save(OutgoingPaymentRecord payment);
}
