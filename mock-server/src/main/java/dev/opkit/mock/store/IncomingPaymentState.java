package dev.opkit.mock.store;

/** Where an incoming payment is in its life (PROTOCOL.md §7). */
public enum IncomingPaymentState {
  /** Accepts payments. */
  PENDING,
  /** Received its incoming amount, or was completed by a client; accepts nothing more. */
  COMPLETED,
  /** Its {@code expiresAt} passed by the session clock; accepts nothing more. */
  EXPIRED
}
