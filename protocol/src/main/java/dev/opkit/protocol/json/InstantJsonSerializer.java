package dev.opkit.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/** Writes an {@link Instant} as {@link Timestamps#format(Instant)} does. */
final class InstantJsonSerializer extends StdSerializer<Instant> {
  private static final long serialVersionUID = 1L;

  InstantJsonSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(Timestamps.format(value));
  }
}
