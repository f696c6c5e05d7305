package dev.opkit.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.opkit.protocol.ProtocolException;
import java.io.IOException;
import java.time.Instant;

/** Reads an {@link Instant} from an RFC 3339 JSON string, as {@link Timestamps#parse} does. */
final class InstantJsonDeserializer extends StdScalarDeserializer<Instant> {
  private static final long serialVersionUID = 1L;

  InstantJsonDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new ProtocolException(
          "a timestamp must be an RFC 3339 string such as \"2025-01-01T00:00:00.000Z\", not "
              + JsonTokens.describe(p));
    }
    return Timestamps.parse(p.getText());
  }
}
