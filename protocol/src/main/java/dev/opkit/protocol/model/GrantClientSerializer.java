package dev.opkit.protocol.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes each {@link GrantClient} form in the shape it was read from. */
final class GrantClientSerializer extends StdSerializer<GrantClient> {
  private static final long serialVersionUID = 1L;

  GrantClientSerializer() {
    super(GrantClient.class);
  }

  @Override
  public void serialize(GrantClient client, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (client instanceof GrantClient.WalletAddressString) {
      gen.writeString(((GrantClient.WalletAddressString) client).url());
    } else if (client instanceof GrantClient.WalletAddressObject) {
      gen.writeStartObject();
      gen.writeStringField("walletAddress", ((GrantClient.WalletAddressObject) client).url());
      gen.writeEndObject();
    } else {
      gen.writeStartObject();
      gen.writeFieldName("jwk");
      provider.defaultSerializeValue(((GrantClient.DirectedKey) client).key(), gen);
      gen.writeEndObject();
    }
  }
}
