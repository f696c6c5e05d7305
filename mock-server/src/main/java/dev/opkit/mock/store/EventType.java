package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonValue;

/** The events a wallet provider reports, named as Rafiki names its webhook events. */
public enum EventType {
  INCOMING_PAYMENT_CREATED("incoming_payment.created"),
  INCOMING_PAYMENT_COMPLETED("incoming_payment.completed"),
  INCOMING_PAYMENT_EXPIRED("incoming_payment.expired"),
  OUTGOING_PAYMENT_CREATED("outgoing_payment.created"),
  /**
   * Its debit amount was reserved from the sender's balance: Rafiki's move from funding to sending
   * (Rafiki emits it only for card payments, to its card service).
   */
  OUTGOING_PAYMENT_FUNDED("outgoing_payment.funded"),
  /**
   * The wallet declined to fund it and it ended unsent: Rafiki's cancellation by the wallet
   * provider (emitted, like {@code funded}, only for card payments).
   */
  OUTGOING_PAYMENT_CANCELLED("outgoing_payment.cancelled"),
  OUTGOING_PAYMENT_COMPLETED("outgoing_payment.completed"),
  OUTGOING_PAYMENT_FAILED("outgoing_payment.failed"),
  GRANT_REQUESTED("grant.requested"),
  GRANT_APPROVED("grant.approved"),
  GRANT_REJECTED("grant.rejected"),
  GRANT_REVOKED("grant.revoked"),
  TOKEN_ROTATED("token.rotated"),
  TOKEN_REVOKED("token.revoked");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
