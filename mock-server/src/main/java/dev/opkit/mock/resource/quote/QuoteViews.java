package dev.opkit.mock.resource.quote;

import dev.opkit.protocol.model.Quote;

/** Renders stored quotes as the spec's {@code quote} schema. */
public final class QuoteViews {
  private QuoteViews() {}

  public static Quote render(QuoteRecord quote) {
    return new Quote(
        quote.url(),
        quote.wallet().url(),
        quote.receiver().url(),
        quote.receiveAmount(),
        quote.debitAmount(),
        "ilp",
        quote.createdAt(),
        quote.expiresAt());
  }
}
