package dev.opkit.mock.store.postgres;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import dev.opkit.mock.store.ClientIdentity;
import dev.opkit.protocol.json.Json;
import java.time.Instant;

/**
 * The JSON form of stored records in their JSONB columns: the shared mapper's settings, with two
 * changes a store needs. Instants keep every digit (the wire form stops at milliseconds, and a
 * record read back must equal the one saved), and a grant's {@link ClientIdentity} is told apart by
 * its fields.
 */
final class StoreJson {
  private static final ObjectMapper MAPPER = newMapper();

  private StoreJson() {}

  static String write(Object record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record could not be written as JSON: " + e, e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a stored " + type.getSimpleName() + " could not be read: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper newMapper() {
    ObjectMapper mapper = Json.newMapper();
    SimpleModule store = new SimpleModule("store-records");
    store.addSerializer(Instant.class, InstantSerializer.INSTANCE);
    store.addDeserializer(Instant.class, InstantDeserializer.INSTANT);
    store.setMixInAnnotation(ClientIdentity.class, ClientIdentityByFields.class);
    mapper.registerModule(store);
    return mapper;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  @JsonSubTypes({
    @JsonSubTypes.Type(ClientIdentity.WalletAddress.class),
    @JsonSubTypes.Type(ClientIdentity.DirectedKey.class)
  })
  private interface ClientIdentityByFields {}
}
