package dev.opkit.client.recurring;

import dev.opkit.protocol.model.Quote;
import java.util.Objects;

/**
 * A period's payment being prepared: the incoming payment created at the receiver and the quote to
 * pay it with. Kept in the state file so a restart resumes with the same ones.
 *
 * @param index the period's window index, 0 for the first
 * @param incomingPayment the incoming payment URL
 * @param quote the quote
 */
public record PeriodWork(long index, String incomingPayment, Quote quote) {
  public PeriodWork {
    Objects.requireNonNull(incomingPayment, "incomingPayment");
    Objects.requireNonNull(quote, "quote");
  }
}
