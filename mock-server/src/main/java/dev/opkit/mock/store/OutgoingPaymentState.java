package dev.opkit.mock.store;

/** Where an outgoing payment is in its life. */
public enum OutgoingPaymentState {
  /** Created, its debit amount reserved; not settled yet (only with a processing delay). */
  PROCESSING,
  /** Settled: the sender was debited and the receiver credited. */
  COMPLETED,
  /** Not sent; any reservation went back to the sender and to the grant's window. */
  FAILED
}
