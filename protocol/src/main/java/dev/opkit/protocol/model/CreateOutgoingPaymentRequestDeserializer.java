package dev.opkit.protocol.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.JsonTokens;
import java.io.IOException;

/** Chooses the {@link CreateOutgoingPaymentRequest} form by the presence of {@code quoteId}. */
final class CreateOutgoingPaymentRequestDeserializer
    extends StdDeserializer<CreateOutgoingPaymentRequest> {
  private static final long serialVersionUID = 1L;

  CreateOutgoingPaymentRequestDeserializer() {
    super(CreateOutgoingPaymentRequest.class);
  }

  @Override
  public CreateOutgoingPaymentRequest deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new ProtocolException(
          "a create outgoing payment request must be a JSON object, not " + JsonTokens.describe(p));
    }
    JsonNode body = ctxt.readTree(p);
    boolean fromQuote = body.has("quoteId");
    boolean fromIncoming = body.has("incomingPayment") || body.has("debitAmount");
    if (fromQuote && fromIncoming) {
      throw new ProtocolException(
          "create outgoing payment request: give quoteId, or incomingPayment with debitAmount,"
              + " not both");
    }
    if (!fromQuote && !fromIncoming) {
      throw new ProtocolException(
          "create outgoing payment request: give quoteId, or incomingPayment with debitAmount");
    }
    Class<? extends CreateOutgoingPaymentRequest> form =
        fromQuote
            ? CreateOutgoingPaymentRequest.FromQuote.class
            : CreateOutgoingPaymentRequest.FromIncomingPayment.class;
    return ctxt.readTreeAsValue(body, form);
  }
}
