package dev.opkit.protocol.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.JsonTokens;
import dev.opkit.protocol.keys.Jwk;
import java.io.IOException;

/**
 * Reads the {@code client} union: a string, or an object with exactly one of {@code walletAddress}
 * (a string) and {@code jwk} (an object). Other members are ignored, as everywhere in this model;
 * both or neither is an error because the spec makes them mutually exclusive.
 */
final class GrantClientDeserializer extends StdDeserializer<GrantClient> {
  private static final long serialVersionUID = 1L;
  private static final String FORMS =
      "give the client's wallet address URL as a string, {\"walletAddress\": url} or {\"jwk\":"
          + " {...}}";

  GrantClientDeserializer() {
    super(GrantClient.class);
  }

  @Override
  public GrantClient deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return new GrantClient.WalletAddressString(p.getText());
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new ProtocolException("client is " + JsonTokens.describe(p) + "; " + FORMS);
    }
    JsonNode object = ctxt.readTree(p);
    JsonNode walletAddress = object.get("walletAddress");
    JsonNode jwk = object.get("jwk");
    if (walletAddress != null && jwk != null) {
      throw new ProtocolException(
          "client has both walletAddress and jwk; they are mutually exclusive, send one");
    }
    if (walletAddress != null) {
      if (!walletAddress.isTextual()) {
        throw new ProtocolException("client.walletAddress must be a URL string; " + FORMS);
      }
      return new GrantClient.WalletAddressObject(walletAddress.textValue());
    }
    if (jwk != null) {
      if (!jwk.isObject()) {
        throw new ProtocolException("client.jwk must be a JSON Web Key object; " + FORMS);
      }
      return new GrantClient.DirectedKey(ctxt.readTreeAsValue(jwk, Jwk.class));
    }
    throw new ProtocolException("client object has neither walletAddress nor jwk; " + FORMS);
  }

  @Override
  public GrantClient getNullValue(DeserializationContext ctxt) {
    throw new ProtocolException("client is null; " + FORMS);
  }

  /** An absent member is left to the record's own check, which reports it as missing. */
  @Override
  public GrantClient getAbsentValue(DeserializationContext ctxt) {
    return null;
  }
}
