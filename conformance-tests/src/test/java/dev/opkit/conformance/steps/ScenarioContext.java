package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.UnauthenticatedClient;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.exchange.Exchange;
import dev.opkit.conformance.consent.Consent;
import dev.opkit.conformance.consent.ObservedConsent;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.conformance.exchange.ExchangeLog;
import dev.opkit.conformance.exchange.RawRequests;
import dev.opkit.conformance.grading.Findings;
import dev.opkit.conformance.grading.SpecConformance;
import dev.opkit.conformance.grading.Verdicts;
import dev.opkit.conformance.targets.Kit;
import dev.opkit.conformance.targets.Power;
import dev.opkit.conformance.targets.Role;
import dev.opkit.conformance.targets.Target;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.WalletAddress;
import io.cucumber.java.Scenario;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one scenario works with, shared by its step classes through cucumber-picocontainer: the
 * target, the scenario's client and wallets, the verdicts, the exchanges it made, and the answer
 * (or refusal) of the last action. A new one for every scenario.
 */
public final class ScenarioContext {
  /** The public name of the kit's client wallet addresses, shown on consent pages. */
  public static final String CLIENT_NAME = "Open Payments conformance kit";

  private final Target run = Kit.target();
  private Target target;
  private final ExchangeLog exchanges = new ExchangeLog();
  private final RawRequests raw = new RawRequests(exchanges);
  private final Map<Role, String> walletUrls = new EnumMap<>(Role.class);
  private final Map<Role, WalletAddress> wallets = new EnumMap<>(Role.class);
  private final Map<Role, BigInteger> openingBalances = new EnumMap<>(Role.class);
  private Scenario scenario;
  private ScenarioRef ref;
  private Verdicts verdicts;
  private OpenPaymentsClient client;
  private UnauthenticatedClient anonymous;
  private Exchange answer;
  private OpenPaymentsException refusal;

  void begin(Scenario current) {
    this.scenario = current;
    this.ref = ScenarioRef.of(current.getUri(), current.getLine(), current.getName());
    this.target = run.forScenario(ref);
    this.verdicts =
        new Verdicts(
            current.getSourceTagNames(),
            finding ->
                current.attach(Json.write(finding), Findings.FINDING_MEDIA_TYPE, finding.title()));
  }

  /** Ends what the target opened for this scenario alone (its sandbox session). */
  void end() {
    if (target != null && target != run) {
      target.close();
    }
  }

  /** The scenario being run. */
  public Scenario scenario() {
    return scenario;
  }

  /** Which scenario this is, as reports and events name it. */
  public ScenarioRef ref() {
    return ref;
  }

  /**
   * The consent for one of this scenario's interactive grants, reported in the run's events.
   *
   * @param asked what the grant asks for, in words, for a person's prompt
   */
  public Consent newConsent(String asked) {
    return new ObservedConsent(target.newConsent(ref, asked), ref);
  }

  /** Whether the target has the sandbox's admin API, so balances can be read. */
  public boolean hasAdminApi() {
    return target.powers().contains(Power.ADMIN_API);
  }

  /** A wallet's available balance in its asset's smallest unit, from the sandbox's admin API. */
  public BigInteger balance(String walletAddress) {
    return target.sandboxOf(walletAddress).walletAt(walletAddress).balance().value();
  }

  /** What this scenario runs against (on a sandbox, its own session). */
  public Target target() {
    return target;
  }

  /** This scenario's grading. */
  public Verdicts verdicts() {
    return verdicts;
  }

  /** The exchanges this scenario made. */
  public ExchangeLog exchanges() {
    return exchanges;
  }

  /** Sends requests the client would refuse to send, recorded with the others. */
  public RawRequests raw() {
    return raw;
  }

  /** Makes {@code identity} this scenario's client. */
  public void useClient(ClientIdentity identity) {
    ClientOptions options =
        ClientOptions.defaults().withValidator(SpecConformance.validator()).withListener(exchanges);
    this.client = OpenPaymentsClient.create(identity, options);
    this.anonymous = UnauthenticatedClient.create(options);
  }

  /** The scenario's client. */
  public OpenPaymentsClient client() {
    if (client == null) {
      throw new IllegalStateException(
          "the scenario has no client yet; begin it with \"Given a client with its own wallet"
              + " address and key\"");
    }
    return client;
  }

  /** A client without key, for the public calls. */
  public UnauthenticatedClient anonymous() {
    client();
    return anonymous;
  }

  /** Gives the scenario a wallet for a role; in a sandbox, notes its opening balance. */
  public void useWallet(Role role, String walletAddress) {
    walletUrls.put(role, walletAddress);
    wallets.remove(role);
    if (hasAdminApi()) {
      openingBalances.put(role, balance(walletAddress));
    }
  }

  /** The balance the role's wallet had when the scenario got it (sandbox only). */
  public BigInteger openingBalance(Role role) {
    BigInteger balance = openingBalances.get(role);
    if (balance == null) {
      throw new IllegalStateException("no opening balance of the " + role + " wallet is known");
    }
    return balance;
  }

  /** The URL of the scenario's wallet for a role. */
  public String walletUrl(Role role) {
    String url = walletUrls.get(role);
    if (url == null) {
      throw new IllegalStateException(
          "the scenario has no "
              + role.name().toLowerCase(Locale.ROOT)
              + " wallet; add \"Given a "
              + role.name().toLowerCase(Locale.ROOT)
              + " wallet\"");
    }
    return url;
  }

  /** The wallet address document of the scenario's wallet for a role, read once. */
  public WalletAddress wallet(Role role) {
    return wallets.computeIfAbsent(role, r -> client().walletAddress().get(walletUrl(r)));
  }

  /** Remembers a document already read, e.g. in the guide's step 1. */
  public void knowWallet(Role role, WalletAddress document) {
    wallets.put(role, document);
  }

  /**
   * Runs an action whose answer the next steps check: its result, or the refusal it met, and the
   * exchange it ended with.
   *
   * @return the result, or empty when the wallet refused or did not answer
   */
  public <T> Optional<T> act(Supplier<T> action) {
    refusal = null;
    Exchange previous = exchanges.last().orElse(null);
    try {
      return Optional.ofNullable(action.get());
    } catch (OpenPaymentsException e) {
      refusal = e;
      return Optional.empty();
    } finally {
      answer = exchanges.last().filter(latest -> latest != previous).orElse(null);
    }
  }

  /** Runs an action without a result; see {@link #act(Supplier)}. */
  public void act(Runnable action) {
    act(
        () -> {
          action.run();
          return Boolean.TRUE;
        });
  }

  /**
   * Sends a raw request as the scenario's action: its answer is checked like the client's, and an
   * error status counts as a refusal.
   */
  public void actRaw(Supplier<Response> send) {
    refusal = null;
    Response response = send.get();
    answer = exchanges.last().orElseThrow();
    if (response.statusCode() >= 400) {
      JsonNode error = errorObject(response.asString());
      refusal =
          new ApiErrorException(
              answer.request().method(),
              answer.request().url(),
              response.statusCode(),
              error.path("code").isTextual() ? error.path("code").asText() : null,
              error.path("description").isTextual() ? error.path("description").asText() : null,
              null,
              response.asString());
    }
  }

  private static JsonNode errorObject(String body) {
    try {
      return Json.read(body, JsonNode.class).path("error");
    } catch (ProtocolException notJson) {
      return Json.mapper().createObjectNode();
    }
  }

  /** The exchange the last action ended with. */
  public Exchange answer() {
    if (answer == null) {
      throw new IllegalStateException("no action of this scenario sent a request yet");
    }
    return answer;
  }

  /** The JSON body of the last action's answer. */
  public JsonNode answerJson() {
    Exchange exchange = answer();
    verdicts.must(
        exchange.response() != null,
        exchange.request().requestLine() + " gets an answer",
        () -> "no answer: " + exchange.transportFailure());
    String body = exchange.response().body();
    return body.isBlank() ? Json.mapper().createObjectNode() : Json.read(body, JsonNode.class);
  }

  /** The HTTP status of the last action's answer. */
  public int answerStatus() {
    Exchange exchange = answer();
    verdicts.must(
        exchange.response() != null,
        exchange.request().requestLine() + " gets an answer",
        () -> "no answer: " + exchange.transportFailure());
    return exchange.response().status();
  }

  /** The refusal the last action met, if it met one. */
  public Optional<OpenPaymentsException> refusal() {
    return Optional.ofNullable(refusal);
  }

  /**
   * The error answer the last action met. Without one, the expectation is not met: a failure, or in
   * a {@code @should} scenario a finding, and then nothing is returned.
   *
   * @param expectation what the scenario expected, for the message
   */
  public Optional<ApiErrorException> expectRefusal(String expectation) {
    if (refusal instanceof ApiErrorException error) {
      return Optional.of(error);
    }
    verdicts.expect(
        false,
        expectation,
        () ->
            refusal == null
                ? "the wallet accepted the request: " + describe(answer)
                : "no error answer: " + refusal.getMessage());
    return Optional.empty();
  }

  /**
   * The last action's result, which must have succeeded.
   *
   * @param expectation what the scenario expected, for the failure message
   */
  public <T> T requireSuccess(Optional<T> result, String expectation) {
    verdicts.must(
        result.isPresent(),
        expectation,
        () -> refusal == null ? "nothing came back" : refusal.getMessage());
    return result.orElseThrow();
  }

  private static String describe(Exchange exchange) {
    if (exchange == null || exchange.response() == null) {
      return "no answer recorded";
    }
    return exchange.request().requestLine() + " answered " + exchange.response().status();
  }
}
