package dev.opkit.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opkit.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The one Jackson configuration for Open Payments JSON: unknown fields tolerated when reading, null
 * properties omitted when writing, no type coercion (a number is not a string and a string is not a
 * number, as in the OpenAPI schemas), {@link Instant} as RFC 3339 text written like JavaScript's
 * {@code toISOString()}, and {@link #write(Object)} producing exactly what JavaScript's {@code
 * JSON.stringify} would (deployed wallets digest that form; PROTOCOL.md §3).
 */
public final class Json {
  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /** A shared, thread-safe mapper. Do not reconfigure it; call {@link #newMapper()} instead. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A fresh mapper with the Open Payments defaults, for callers that need their own settings. */
  public static ObjectMapper newMapper() {
    SimpleModule timestamps = new SimpleModule("open-payments-timestamps");
    timestamps.addSerializer(Instant.class, new InstantJsonSerializer());
    timestamps.addDeserializer(Instant.class, new InstantJsonDeserializer());
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(SerializationFeature.INDENT_OUTPUT)
        // Null properties are omitted, but a null inside a free-form map (metadata) is data.
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .addModule(new JavaTimeModule())
        // Registered after JavaTimeModule so that its Instant handling wins.
        .addModule(timestamps)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /**
   * The JSON text of a value, byte for byte what {@code JSON.stringify} would write for the same
   * data: compact, JavaScript string escaping and number forms, integer-like keys first (see {@link
   * CompactJson}). Send this as a request body so a wallet that digests the re-serialised body
   * (Rafiki) computes the same {@code Content-Digest}. Numbers are written as JavaScript Numbers
   * (doubles): a free-form {@code long} beyond 2^53 loses precision exactly as it would in
   * JavaScript; amount values are strings and are not affected. Responses rendered through {@link
   * #mapper()} directly keep Jackson's own number and escape forms.
   */
  public static String write(Object value) {
    return CompactJson.stringify(toTree(value));
  }

  /** {@link #write(Object)} as UTF-8 bytes. */
  public static byte[] writeBytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /** The value as a Jackson tree, with the same serialisation rules as {@link #write(Object)}. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Reads JSON text into {@code type}.
   *
   * @throws InvalidJsonException naming the JSON path and what is wrong there
   */
  public static <T> T read(String json, Class<T> type) {
    return parse(() -> MAPPER.readValue(json, type));
  }

  /** Reads JSON text into a generic type such as {@code Page<IncomingPayment>}. */
  public static <T> T read(String json, TypeReference<T> type) {
    return parse(() -> MAPPER.readValue(json, type));
  }

  /** Reads a UTF-8 JSON body into {@code type}. */
  public static <T> T read(byte[] json, Class<T> type) {
    return parse(() -> MAPPER.readValue(json, type));
  }

  /** Reads a UTF-8 JSON body into a generic type. */
  public static <T> T read(byte[] json, TypeReference<T> type) {
    return parse(() -> MAPPER.readValue(json, type));
  }

  private interface Reading<T> {
    T run() throws IOException;
  }

  private static <T> T parse(Reading<T> reading) {
    try {
      return reading.run();
    } catch (InvalidJsonException e) {
      throw e;
    } catch (ProtocolException e) {
      // A custom deserializer at the document root throws without Jackson wrapping it.
      throw new InvalidJsonException("", e.getMessage(), e);
    } catch (IOException e) {
      throw invalid(e);
    }
  }

  /**
   * Turns a Jackson failure into an {@link InvalidJsonException} with a dotted JSON path. When a
   * {@link ProtocolException} (an invalid amount, a bad timestamp) caused it, that message is the
   * problem text, so what a person must fix survives Jackson's wrapping.
   */
  public static InvalidJsonException invalid(IOException e) {
    String path = e instanceof JsonMappingException ? path((JsonMappingException) e) : "";
    ProtocolException cause = protocolCause(e);
    String problem;
    if (cause != null) {
      problem = cause.getMessage();
    } else if (e instanceof JsonProcessingException) {
      problem = ((JsonProcessingException) e).getOriginalMessage();
    } else {
      problem = e.getMessage();
    }
    return new InvalidJsonException(path, problem, e);
  }

  private static ProtocolException protocolCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProtocolException) {
        return (ProtocolException) t;
      }
    }
    return null;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    List<JsonMappingException.Reference> references = e.getPath();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
