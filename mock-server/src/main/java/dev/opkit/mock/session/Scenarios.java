package dev.opkit.mock.session;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.Misbehaviour;
import dev.opkit.mock.store.MisbehaviourKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Named scenarios: misbehaviours that real wallets combine, for {@code POST /admin/sessions
 * {"scenario": …}} and {@code ./kit --client <scenario>}. {@code well-behaved} has none.
 */
public final class Scenarios {
  private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

  /**
   * One named scenario.
   *
   * @param name its name
   * @param description what it does, for people
   * @param misbehaviours its parts
   */
  public record Scenario(String name, String description, List<MisbehaviourRequest> misbehaviours) {
    public Scenario {
      misbehaviours = List.copyOf(misbehaviours);
    }
  }

  static {
    add("well-behaved", "a wallet that behaves: the report card of a clean run", List.of());
    add(
        "slow-consent",
        "interactive grants ask to wait 10 s between continuations (too_fast enforced)",
        List.of(raisedWait(Duration.ofSeconds(10))));
    add(
        "wrong-finish-hash",
        "the finish redirect carries a wrong hash: the client must not continue",
        List.of(MisbehaviourRequest.of(MisbehaviourKind.WRONG_FINISH_HASH)));
    add(
        "no-interact-ref",
        "the finish redirect of an accepted grant comes without its interact_ref",
        List.of(payment(MisbehaviourKind.NO_INTERACT_REF)));
    add(
        "rate-limited",
        "the first quote request is answered 429 with Retry-After: 2",
        List.of(
            new MisbehaviourRequest(
                MisbehaviourKind.RATE_LIMITED,
                "create-quote",
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(2),
                null,
                null,
                null,
                null)));
    add(
        "lost-response",
        "the first outgoing payment is stored, then the connection closes without an answer",
        List.of(lostPayment()));
    add(
        "revoked",
        "the token is revoked right after the first payment",
        List.of(payment(MisbehaviourKind.TOKEN_REVOKED_AFTER_PAYMENT)));
    add(
        "unknown-fields",
        "wallet address and resource documents carry fields the client never saw (Rafiki's"
            + " cardService, a nested additionalProperties)",
        Stream.of(
                "get-wallet-address",
                "create-incoming-payment",
                "create-quote",
                "create-outgoing-payment",
                "get-outgoing-payment",
                "list-outgoing-payments")
            .map(Scenarios::extraFields)
            .toList());
    add(
        "expired-quote",
        "the first quote is valid for 0.2 s only and arrives expired: paying it is refused",
        List.of(expiresEarly(Duration.ofMillis(200))));
    add(
        "receiver-completed",
        "the incoming payment of the first quote is completed right after the quote",
        List.of(MisbehaviourRequest.of(MisbehaviourKind.RECEIVER_COMPLETED)));
    add(
        "receiver-expired",
        "the incoming payment of the first quote expires right after the quote",
        List.of(MisbehaviourRequest.of(MisbehaviourKind.RECEIVER_EXPIRED)));
    add(
        "browser-redirect",
        "the wallet addresses answer a browser's Accept: text/html with 302 to a page for people",
        List.of(everyTime(MisbehaviourKind.HTML_REDIRECT, "get-wallet-address")));
    add(
        "flaky-wallet",
        "the first quote request fails with 503 and the first wallet address answer takes 1 s",
        List.of(
            MisbehaviourRequest.on(MisbehaviourKind.SERVER_ERROR, "create-quote"),
            new MisbehaviourRequest(
                MisbehaviourKind.SLOW_ANSWER,
                "get-wallet-address",
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(1),
                null,
                null,
                null)));
    add(
        "month-3",
        "the token expired early after the first payment, the second payment's answer is lost"
            + " after it was stored, and then the wallet halves the grant's limit",
        List.of(
            payment(MisbehaviourKind.TOKEN_EXPIRED_AFTER_PAYMENT),
            lostPayment(2),
            limitReducedAfterPayment(2)));
    add(
        "continuation-rotation",
        "every continuation answer carries a new continuation token; the old one is dead",
        List.of(
            new MisbehaviourRequest(
                MisbehaviourKind.CONTINUATION_TOKEN_ROTATED,
                null,
                null,
                null,
                null,
                Misbehaviour.MAX_TIMES,
                null,
                null,
                null,
                null,
                null,
                null)));
    add(
        "reduced-limit",
        "the outgoing-payment grant is approved with half the amount asked for",
        List.of(percent(MisbehaviourKind.REDUCED_LIMIT, null, 50)));
    add(
        "interaction-expired",
        "the interaction expires before the user comes back: no consent is given",
        List.of(payment(MisbehaviourKind.INTERACTION_EXPIRED)));
    add(
        "rotation-refused",
        "the token expires right after the first payment and the wallet refuses to rotate it",
        List.of(
            payment(MisbehaviourKind.TOKEN_EXPIRED_AFTER_PAYMENT),
            payment(MisbehaviourKind.ROTATION_REFUSED)));
    add(
        "key-rotation",
        "the client's signing key leaves its JWKS right after the first payment; its next key"
            + " stays",
        List.of(MisbehaviourRequest.of(MisbehaviourKind.CLIENT_KEY_ROTATED)));
  }

  private static MisbehaviourRequest limitReducedAfterPayment(int nth) {
    return percent(MisbehaviourKind.LIMIT_REDUCED_AFTER_PAYMENT, nth, 50);
  }

  private static MisbehaviourRequest percent(MisbehaviourKind kind, Integer nth, int percent) {
    return new MisbehaviourRequest(
        kind, null, null, null, nth, null, null, null, null, null, percent, null);
  }

  private Scenarios() {}

  private static void add(String name, String description, List<MisbehaviourRequest> parts) {
    ALL.put(name, new Scenario(name, description, parts));
  }

  private static MisbehaviourRequest extraFields(String operation) {
    return new MisbehaviourRequest(
        MisbehaviourKind.EXTRA_FIELDS,
        operation,
        null,
        null,
        null,
        Misbehaviour.MAX_TIMES,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static MisbehaviourRequest everyTime(MisbehaviourKind kind, String operation) {
    return new MisbehaviourRequest(
        kind,
        operation,
        null,
        null,
        null,
        Misbehaviour.MAX_TIMES,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static MisbehaviourRequest expiresEarly(Duration lifetime) {
    return new MisbehaviourRequest(
        MisbehaviourKind.QUOTE_EXPIRES_EARLY,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        lifetime);
  }

  private static MisbehaviourRequest raisedWait(Duration wait) {
    return new MisbehaviourRequest(
        MisbehaviourKind.RAISED_WAIT,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        wait,
        null,
        null);
  }

  private static MisbehaviourRequest lostPayment() {
    return lostPayment(1);
  }

  private static MisbehaviourRequest lostPayment(int nth) {
    return new MisbehaviourRequest(
        MisbehaviourKind.RESPONSE_LOST,
        Operations.CREATE_OUTGOING_PAYMENT,
        null,
        null,
        nth,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static MisbehaviourRequest payment(MisbehaviourKind kind) {
    return MisbehaviourRequest.of(kind);
  }

  /** Every scenario, in a fixed order. */
  public static List<Scenario> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * The scenario with this name.
   *
   * @throws IllegalArgumentException naming every scenario
   */
  public static Scenario named(String name) {
    Scenario scenario = ALL.get(name);
    if (scenario == null) {
      throw new IllegalArgumentException(
          "unknown scenario '" + name + "'; the scenarios are " + String.join(", ", ALL.keySet()));
    }
    return scenario;
  }
}
