package dev.opkit.mock.store;

import java.util.Optional;
import java.util.UUID;

/** A session's incoming payments, inside a transaction. */
public interface IncomingPaymentStore {
  Optional<IncomingPaymentRecord> find(UUID id);

  /** The payment, to be changed by this transaction: a database locks its row. */
  Optional<IncomingPaymentRecord> forUpdate(UUID id);

  /** Saves a new payment or a new version of one. */
  void save(IncomingPaymentRecord payment);

  /** Deletes a payment: it is no longer found nor listed (an unpaid expired one, as Rafiki). */
  void delete(UUID id);
}
