package dev.opkit.examples.subscription;

import dev.opkit.protocol.model.OutgoingPayment;

/**
 * The outcome of one monthly charge: a payment made, or the wallet's refusal.
 *
 * @param payment the outgoing payment, or null when refused
 * @param status the refusal's HTTP status, or 0
 * @param code the refusal's error code, or empty
 */
public record Charge(OutgoingPayment payment, int status, String code) {
  static Charge made(OutgoingPayment payment) {
    return new Charge(payment, 0, "");
  }

  static Charge refused(int status, String code) {
    return new Charge(null, status, code);
  }

  /** Whether a payment was made (and did not fail). */
  public boolean paid() {
    return payment != null && !Boolean.TRUE.equals(payment.failed());
  }
}
