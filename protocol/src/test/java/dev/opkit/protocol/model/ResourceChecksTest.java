package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceChecksTest {
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

  private static IncomingPayment incoming(Amount incomingAmount, Amount received, boolean done) {
    return new IncomingPayment(
        "https://rs.example/incoming-payments/1",
        "https://rs.example/bob",
        done,
        incomingAmount,
        received,
        null,
        null,
        CREATED,
        null);
  }

  private static OutgoingPayment outgoing(Amount debit, Amount sent, boolean failed) {
    return new OutgoingPayment(
        "https://rs.example/outgoing-payments/1",
        "https://rs.example/alice",
        null,
        failed,
        "https://rs.example/incoming-payments/1",
        debit,
        debit,
        sent,
        null,
        null,
        null,
        CREATED);
  }

  @Test
  void createdIncomingPaymentWhenFreshThenConsistent() {
    assertThat(
            ResourceChecks.createdIncomingPayment(
                incoming(Amount.of("500", "USD", 2), Amount.of("0", "USD", 2), false)))
        .isEmpty();
  }

  @Test
  void createdIncomingPaymentWhenAlreadyReceivedAndCompletedThenBothReported() {
    assertThat(
            ResourceChecks.createdIncomingPayment(
                incoming(Amount.of("500", "USD", 2), Amount.of("1", "USD", 2), true)))
        .extracting(Inconsistency::field)
        .containsExactly("receivedAmount", "completed");
  }

  @Test
  void incomingPaymentWhenReceivedInOtherAssetThenReported() {
    assertThat(
            ResourceChecks.incomingPayment(
                incoming(Amount.of("500", "USD", 2), Amount.of("0", "EUR", 2), false)))
        .singleElement()
        .satisfies(i -> assertThat(i.problem()).contains("EUR/2").contains("USD/2"));
  }

  @Test
  void completedIncomingPaymentWhenNotCompletedThenReported() {
    assertThat(
            ResourceChecks.completedIncomingPayment(
                incoming(null, Amount.of("0", "USD", 2), false)))
        .extracting(Inconsistency::field)
        .containsExactly("completed");
  }

  @Test
  void outgoingPaymentWhenSentMoreThanDebitThenReported() {
    assertThat(
            ResourceChecks.outgoingPayment(
                outgoing(Amount.of("500", "USD", 2), Amount.of("501", "USD", 2), false)))
        .extracting(Inconsistency::field)
        .containsExactly("sentAmount");
  }

  @Test
  void outgoingPaymentWhenAllSentButFailedThenReported() {
    assertThat(
            ResourceChecks.outgoingPayment(
                outgoing(Amount.of("500", "USD", 2), Amount.of("500", "USD", 2), true)))
        .extracting(Inconsistency::field)
        .containsExactly("failed");
  }

  @Test
  void outgoingPaymentWhenPartlySentAndFailedThenConsistent() {
    assertThat(
            ResourceChecks.outgoingPayment(
                outgoing(Amount.of("500", "USD", 2), Amount.of("200", "USD", 2), true)))
        .isEmpty();
  }

  @Test
  void outgoingPaymentWhenSentInOtherAssetThenReported() {
    assertThat(
            ResourceChecks.outgoingPayment(
                outgoing(Amount.of("500", "USD", 2), Amount.of("500", "EUR", 2), false)))
        .extracting(Inconsistency::field)
        .containsExactly("sentAmount");
  }
}
