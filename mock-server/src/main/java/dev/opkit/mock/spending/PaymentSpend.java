package dev.opkit.mock.spending;

import dev.opkit.protocol.amount.Amount;
import java.util.Objects;

/**
 * What a new outgoing payment would spend under its grant.
 *
 * @param receiver the incoming payment URL it pays
 * @param debit what it debits from the sender, fees included
 * @param receive what it delivers to the receiver
 */
public record PaymentSpend(String receiver, Amount debit, Amount receive) {
  public PaymentSpend {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(receive, "receive");
  }
}
