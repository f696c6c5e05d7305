package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.resource.Amounts;
import dev.opkit.mock.resource.quote.Priced;
import dev.opkit.mock.resource.quote.QuoteService;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.QuoteRecord;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import java.time.Instant;

/**
 * What a new outgoing payment pays, from a quote or priced on the spot.
 *
 * @param quote the quote it uses, or null
 * @param quoteUrl that quote's URL, or null
 * @param receiver the incoming payment it pays
 * @param debit the debit amount, fee included
 * @param fee the fee inside it
 * @param receive what the receiver gets
 */
record Order(
    QuoteRecord quote,
    String quoteUrl,
    IncomingPaymentRecord receiver,
    Amount debit,
    Amount fee,
    Amount receive) {

  /** The order a create request describes, read inside the transaction that places it. */
  static Order of(
      Tx tx, SessionAse ase, WalletRecord sender, CreateOutgoingPaymentRequest body, Instant now) {
    if (body instanceof CreateOutgoingPaymentRequest.FromQuote fromQuote) {
      QuoteRecord quote =
          QuoteService.forUpdateByUrl(tx, ase, fromQuote.quoteId())
              .orElseThrow(
                  () ->
                      new ApiException(
                          404,
                          ErrorCodes.UNKNOWN_QUOTE,
                          "there is no quote " + fromQuote.quoteId() + " on this resource server"));
      if (!quote.wallet().equals(sender.id())) {
        throw new ApiException(
            400,
            ErrorCodes.INVALID_QUOTE,
            "quote "
                + fromQuote.quoteId()
                + " belongs to "
                + ase.walletUrl(quote.wallet())
                + ", not to "
                + ase.walletUrl(sender.id()));
      }
      IncomingPaymentRecord receiver =
          tx.incomingPayments()
              .find(quote.receiver())
              .orElseThrow(
                  () ->
                      new ApiException(
                          400,
                          ErrorCodes.INVALID_QUOTE,
                          "the incoming payment quote "
                              + fromQuote.quoteId()
                              + " pays is gone; create a new quote"));
      return new Order(
          quote,
          fromQuote.quoteId(),
          receiver,
          quote.debitAmount(),
          quote.fee(),
          quote.receiveAmount());
    }
    CreateOutgoingPaymentRequest.FromIncomingPayment direct =
        (CreateOutgoingPaymentRequest.FromIncomingPayment) body;
    IncomingPaymentRecord receiver =
        QuoteService.activeReceiver(tx, ase.session(), direct.incomingPayment(), now);
    Amount debit = Amounts.positiveIn(sender.asset(), direct.debitAmount(), "debitAmount");
    Priced price = QuoteService.priceFixedSend(ase.session(), debit, receiver.asset());
    return new Order(null, null, receiver, price.debit(), price.fee(), price.receive());
  }

  /** The quote is still usable. */
  void checkStillValid(Instant now) {
    if (quote == null) {
      return;
    }
    if (quote.used()) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_QUOTE,
          "quote " + quoteUrl + " was used by an outgoing payment already; create a new one");
    }
    if (!now.isBefore(quote.expiresAt())) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_QUOTE,
          "quote "
              + quoteUrl
              + " expired at "
              + quote.expiresAt()
              + " (sandbox clock: "
              + now
              + "); create a new one");
    }
  }
}
