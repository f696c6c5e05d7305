package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.model.OutgoingPayment;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentProgressTest {
  private static final String RECEIVER = "https://w.example/incoming-payments/1";

  private static OutgoingPayment payment(boolean failed, String sent) {
    return new OutgoingPayment(
        "https://w.example/outgoing-payments/1",
        "https://w.example/alice",
        null,
        failed,
        RECEIVER,
        Amount.of("500", "EUR", 2),
        Amount.of("556", "USD", 2),
        Amount.of(sent, "USD", 2),
        null,
        null,
        null,
        Instant.parse("2025-05-20T13:00:00Z"));
  }

  private static Optional<Amount> received(String value) {
    return Optional.of(Amount.of(value, "EUR", 2));
  }

  @Test
  void ofWhenMarkedFailedThenFailedWhateverWasReceived() {
    assertThat(PaymentProgress.of(payment(true, "0"), url -> received("500")))
        .isEqualTo(PaymentProgress.FAILED);
  }

  @Test
  void ofWhenWholeDebitAmountSentThenCompleted() {
    assertThat(PaymentProgress.of(payment(false, "556"), url -> Optional.empty()))
        .isEqualTo(PaymentProgress.COMPLETED);
  }

  @Test
  void ofWhenFeeLeftOutOfSentAmountButReceiverGotItAllThenCompleted() {
    // What a completed payment looks like on Rafiki: 550 of 556 sent, the receiver got 500.
    assertThat(
            PaymentProgress.of(
                payment(false, "550"),
                url -> url.equals(RECEIVER) ? received("500") : Optional.empty()))
        .isEqualTo(PaymentProgress.COMPLETED);
  }

  @Test
  void ofWhenLessSentAndReceiverShortOrUnknownThenInProgress() {
    assertThat(PaymentProgress.of(payment(false, "0"), url -> received("0")))
        .isEqualTo(PaymentProgress.IN_PROGRESS);
    assertThat(PaymentProgress.of(payment(false, "550"), url -> received("499")))
        .isEqualTo(PaymentProgress.IN_PROGRESS);
    assertThat(PaymentProgress.of(payment(false, "550"), url -> Optional.empty()))
        .isEqualTo(PaymentProgress.IN_PROGRESS);
    assertThat(
            PaymentProgress.of(
                payment(false, "550"), url -> Optional.of(Amount.of("500", "USD", 2))))
        .isEqualTo(PaymentProgress.IN_PROGRESS);
  }
}
