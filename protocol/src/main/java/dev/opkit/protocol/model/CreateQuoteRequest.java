package dev.opkit.protocol.model;

import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.amount.Amount;

/**
 * The body of {@code POST {resourceServer}/quotes} (resource-server {@code create-quote}): the
 * sending {@code walletAddress}, the {@code receiver} (an incoming payment URL), the {@code method}
 * ({@code ilp}), and a fixed {@code debitAmount} (fixed send) or {@code receiveAmount} (fixed
 * receive), or neither when the receiver has an {@code incomingAmount}. Both at once is refused:
 * the spec's three forms exclude it.
 */
public record CreateQuoteRequest(
    String walletAddress,
    String receiver,
    String method,
    Amount debitAmount,
    Amount receiveAmount) {

  public CreateQuoteRequest {
    Fields.required(walletAddress, "create quote request", "walletAddress");
    Fields.required(receiver, "create quote request", "receiver");
    Fields.required(method, "create quote request", "method");
    if (debitAmount != null && receiveAmount != null) {
      throw new ProtocolException(
          "create quote request: give debitAmount (fixed send) or receiveAmount (fixed receive),"
              + " not both");
    }
  }

  /** A fixed-send quote request over ILP. */
  public static CreateQuoteRequest fixedSend(String walletAddress, String receiver, Amount debit) {
    return new CreateQuoteRequest(walletAddress, receiver, IlpPaymentMethod.ILP, debit, null);
  }

  /** A fixed-receive quote request over ILP. */
  public static CreateQuoteRequest fixedReceive(
      String walletAddress, String receiver, Amount receive) {
    return new CreateQuoteRequest(walletAddress, receiver, IlpPaymentMethod.ILP, null, receive);
  }

  /** A quote request for a receiver that has an incomingAmount. */
  public static CreateQuoteRequest forIncomingAmount(String walletAddress, String receiver) {
    return new CreateQuoteRequest(walletAddress, receiver, IlpPaymentMethod.ILP, null, null);
  }
}
