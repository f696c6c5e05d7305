package dev.opkit.mock.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opkit.mock.sandbox.AseConfig;
import dev.opkit.mock.sandbox.AseSeed;
import dev.opkit.mock.sandbox.FeeConfig;
import dev.opkit.mock.sandbox.RateConfig;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.AutoConsent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of {@code POST /admin/sessions}, every field optional: what the new session changes of
 * the configured sandbox. Its wallets are given per provider in the config file's shape ({@code
 * ases: [{name, wallets: [...]}]}, without ports); without {@code ases} the session starts with the
 * configured wallets, a fresh copy of the familiar world.
 *
 * @param name a name for people, e.g. the CI job's
 * @param profile the behaviour profile of every provider in the session
 * @param profileOverrides single profile switches on top of it
 * @param autoConsent what consent pages do without a person
 * @param fees the fee rule
 * @param rates the exchange rates (replacing the configured ones)
 * @param quoteLifetime how long quotes live
 * @param processingDelay how long outgoing payments stay in progress
 * @param webhookUrl where the session's events are POSTed
 * @param adminToken whether the session gets an admin token of its own
 * @param ases the wallets it starts with, per provider
 * @param misbehaviours what its providers do wrong on purpose ({@link MisbehaviourRequest}s)
 * @param scenario a named scenario whose misbehaviours come first ({@link Scenarios})
 */
public record NewSession(
    String name,
    String profile,
    Map<String, Object> profileOverrides,
    AutoConsent autoConsent,
    FeeConfig fees,
    List<RateConfig> rates,
    Duration quoteLifetime,
    Duration processingDelay,
    String webhookUrl,
    Boolean adminToken,
    List<AseSeed> ases,
    List<MisbehaviourRequest> misbehaviours,
    String scenario) {

  private static final List<String> FIELDS =
      Arrays.stream(NewSession.class.getRecordComponents()).map(RecordComponent::getName).toList();

  /** The name of a session made without one. */
  public static final String UNNAMED = "unnamed";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // "name": 42 is a mistake, not the name "42".
          .withCoercionConfig(
              LogicalType.Textual,
              text ->
                  text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  /**
   * Reads a request body; an absent body asks for every default.
   *
   * @throws IllegalArgumentException naming the field and the problem
   */
  public static NewSession read(JsonNode body) {
    if (body == null || body.isNull()) {
      return new NewSession(
          null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException(
          "send a JSON object such as {\"name\": \"ci-42\", \"profile\": \"strict\"}, got " + body);
    }
    try {
      return MAPPER.treeToValue(body, NewSession.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw explain(e);
    }
  }

  /** Whether the session gets an admin token of its own. */
  public boolean wantsAdminToken() {
    return Boolean.TRUE.equals(adminToken);
  }

  /**
   * The session's settings: these fields over the configured sandbox's.
   *
   * @throws IllegalArgumentException for a provider the sandbox does not have, or a bad setting
   */
  public SessionConfig toConfig(SandboxConfig sandbox) {
    List<String> providers = sandbox.ases().stream().map(AseConfig::name).toList();
    if (ases != null) {
      for (AseSeed seed : ases) {
        if (!providers.contains(seed.name())) {
          throw new IllegalArgumentException(
              "'ases' names the provider '"
                  + seed.name()
                  + "', which this sandbox does not have; it has "
                  + String.join(", ", providers));
        }
      }
    }
    SessionConfig defaults = SessionConfig.ofSandbox(sandbox);
    return new SessionConfig(
        name == null ? UNNAMED : name,
        profile,
        profileOverrides,
        autoConsent == null ? defaults.autoConsent() : autoConsent,
        fees == null ? defaults.fees() : fees,
        rates == null ? defaults.rates() : rates,
        quoteLifetime == null ? defaults.quoteLifetime() : quoteLifetime,
        processingDelay == null ? defaults.processingDelay() : processingDelay,
        webhookUrl == null ? defaults.webhookUrl() : webhookUrl,
        ases == null ? defaults.ases() : ases,
        MisbehaviourRequest.armAll(allMisbehaviours()));
  }

  /** The scenario's misbehaviours, then the ones given one by one. */
  private List<MisbehaviourRequest> allMisbehaviours() {
    List<MisbehaviourRequest> all = new ArrayList<>();
    if (scenario != null) {
      all.addAll(Scenarios.named(scenario).misbehaviours());
    }
    if (misbehaviours != null) {
      all.addAll(misbehaviours);
    }
    return all;
  }

  private static IllegalArgumentException explain(Exception e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new IllegalArgumentException(
          "unknown field '"
              + unknown.getPropertyName()
              + "' at '"
              + path(unknown)
              + "'; a session takes "
              + String.join(", ", FIELDS)
              + ", and each entry of 'ases' name and wallets",
          e);
    }
    String where = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      where = "'" + path(mapping) + "': ";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason =
        root instanceof IllegalArgumentException || root instanceof NullPointerException
            ? root.getMessage()
            : e instanceof JsonProcessingException json
                ? json.getOriginalMessage()
                : e.getMessage();
    return new IllegalArgumentException(where + reason, e);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
