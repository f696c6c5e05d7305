package dev.opkit.mock.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.Misbehaviour;
import dev.opkit.mock.store.MisbehaviourKind;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A misbehaviour as a test asks for it ({@code POST /admin/misbehaviours}, the {@code
 * misbehaviours} of {@code POST /admin/sessions}, a scenario's parts): {@link Misbehaviour} without
 * its id and counts. {@code nth} and {@code times} default to 1.
 */
public record MisbehaviourRequest(
    MisbehaviourKind kind,
    String on,
    String walletAddress,
    String grant,
    Integer nth,
    Integer times,
    Integer status,
    Duration retryAfter,
    Duration delay,
    @JsonProperty("wait") Duration waitTime,
    Integer percent,
    Duration lifetime) {

  /** The most misbehaviours one session holds. */
  public static final int MAX_PER_SESSION = 32;

  @JsonCreator
  public MisbehaviourRequest {}

  private static final List<String> FIELDS =
      Arrays.stream(MisbehaviourRequest.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toList();

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** A request of {@code kind} on operation {@code on}, every other field at its default. */
  public static MisbehaviourRequest on(MisbehaviourKind kind, String on) {
    return new MisbehaviourRequest(
        kind, on, null, null, null, null, null, null, null, null, null, null);
  }

  /** A request of a grant or payment {@code kind}, every field at its default. */
  public static MisbehaviourRequest of(MisbehaviourKind kind) {
    return on(kind, null);
  }

  /**
   * Reads one from JSON.
   *
   * @throws IllegalArgumentException naming the field and the problem
   */
  public static MisbehaviourRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException(
          "send a misbehaviour as a JSON object such as {\"kind\": \"rate-limited\", \"on\":"
              + " \"create-outgoing-payment\", \"retryAfter\": \"PT3S\"}, got "
              + body);
    }
    try {
      MisbehaviourRequest request = MAPPER.treeToValue(body, MisbehaviourRequest.class);
      request.arm("check");
      return request;
    } catch (JsonProcessingException e) {
      throw explain(e);
    }
  }

  /**
   * The misbehaviour, with {@code id}.
   *
   * @throws IllegalArgumentException when the fields do not fit its kind
   */
  public Misbehaviour arm(String id) {
    if (on != null && !Operations.ALL.contains(on)) {
      throw new IllegalArgumentException(
          "'on' names no operation: '"
              + on
              + "'; the operations are "
              + String.join(", ", Operations.ALL));
    }
    return new Misbehaviour(
        id,
        kind,
        on,
        walletAddress,
        grant,
        nth == null ? 1 : nth,
        times == null ? 1 : times,
        status,
        retryAfter,
        delay,
        waitTime,
        lifetime,
        0,
        0,
        percent);
  }

  /**
   * Arms a list, numbering them {@code m1}, {@code m2}, …
   *
   * @throws IllegalArgumentException for more than {@link #MAX_PER_SESSION}, or a bad one (naming
   *     its index)
   */
  public static List<Misbehaviour> armAll(List<MisbehaviourRequest> requests) {
    if (requests.size() > MAX_PER_SESSION) {
      throw new IllegalArgumentException(
          "a session holds at most " + MAX_PER_SESSION + " misbehaviours, got " + requests.size());
    }
    List<Misbehaviour> armed = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      MisbehaviourRequest request = requests.get(i);
      if (request == null) {
        throw new IllegalArgumentException("'misbehaviours[" + i + "]' is null");
      }
      try {
        armed.add(request.arm("m" + (i + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'misbehaviours[" + i + "]': " + e.getMessage(), e);
      }
    }
    return List.copyOf(armed);
  }

  private static IllegalArgumentException explain(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new IllegalArgumentException(
          "unknown field '"
              + unknown.getPropertyName()
              + "'; a misbehaviour takes "
              + String.join(", ", FIELDS),
          e);
    }
    String where = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      where = "'" + mapping.getPath().get(0).getFieldName() + "': ";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason =
        root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
    return new IllegalArgumentException(where + reason, e);
  }
}
