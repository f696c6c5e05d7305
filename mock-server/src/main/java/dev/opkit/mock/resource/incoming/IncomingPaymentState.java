package dev.opkit.mock.resource.incoming;

/** Where an incoming payment is in its life (PROTOCOL.md §7). */
public enum IncomingPaymentState {
  /** Accepts payments. */
  PENDING,
  /** Received its incoming amount, or was completed by a client; accepts nothing more. */
  COMPLETED,
  /** Its {@code expiresAt} passed by the sandbox clock; accepts nothing more. */
  EXPIRED
}
