package dev.opkit.mock.resource.quote;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.QuoteRecord;
import dev.opkit.protocol.model.Quote;

/** Renders stored quotes as the spec's {@code quote} schema, with its session's URLs. */
public final class QuoteViews {
  private QuoteViews() {}

  public static Quote render(SessionAse ase, QuoteRecord quote) {
    return new Quote(
        QuoteService.url(ase, quote),
        ase.walletUrl(quote.wallet()),
        ase.session()
            .at(quote.receiverWallet().ase())
            .resourceUrl("incoming-payments", quote.receiver()),
        quote.receiveAmount(),
        quote.debitAmount(),
        "ilp",
        quote.createdAt(),
        quote.expiresAt());
  }
}
