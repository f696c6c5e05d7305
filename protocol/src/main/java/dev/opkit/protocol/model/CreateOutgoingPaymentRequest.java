package dev.opkit.protocol.model;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.opkit.protocol.amount.Amount;
import java.util.Map;

/**
 * The body of {@code POST {resourceServer}/outgoing-payments} (resource-server {@code
 * create-outgoing-payment}), in one of the spec's two forms: {@link FromQuote} ({@code quoteId}) or
 * {@link FromIncomingPayment} ({@code incomingPayment} + {@code debitAmount}). Reading picks the
 * form by its keys and refuses a body with both or neither.
 */
@JsonDeserialize(using = CreateOutgoingPaymentRequestDeserializer.class)
public sealed interface CreateOutgoingPaymentRequest
    permits CreateOutgoingPaymentRequest.FromQuote,
        CreateOutgoingPaymentRequest.FromIncomingPayment {

  /** The sending wallet address. */
  String walletAddress();

  /** Free-form metadata, or null. */
  Map<String, Object> metadata();

  /** Pay a quote: {@code {"walletAddress","quoteId","metadata"?}}. */
  @JsonDeserialize(using = JsonDeserializer.None.class)
  record FromQuote(String walletAddress, String quoteId, Map<String, Object> metadata)
      implements CreateOutgoingPaymentRequest {
    public FromQuote {
      Fields.required(walletAddress, "create outgoing payment request", "walletAddress");
      Fields.required(quoteId, "create outgoing payment request", "quoteId");
      metadata = Fields.freeForm(metadata);
    }
  }

  /**
   * Pay an incoming payment a fixed debit amount without a quote: {@code
   * {"walletAddress","incomingPayment","debitAmount","metadata"?}}.
   */
  @JsonDeserialize(using = JsonDeserializer.None.class)
  record FromIncomingPayment(
      String walletAddress,
      String incomingPayment,
      Amount debitAmount,
      Map<String, Object> metadata)
      implements CreateOutgoingPaymentRequest {
    public FromIncomingPayment {
      Fields.required(walletAddress, "create outgoing payment request", "walletAddress");
      Fields.required(incomingPayment, "create outgoing payment request", "incomingPayment");
      Fields.required(debitAmount, "create outgoing payment request", "debitAmount");
      metadata = Fields.freeForm(metadata);
    }
  }
}
