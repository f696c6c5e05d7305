package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One misbehaviour switched on in a session (issue 18), with how often it met what it matches and
 * fired. Request kinds match the requests of one operation ({@link #on}, an OpenAPI operation id),
 * narrowed by {@link #walletAddress} to the requests on that wallet address or its resources; grant
 * and payment kinds the grants their scope names (a wallet address, the grant's client or the
 * wallet its access is for, or one grant id; no scope: every grant). It fires from the {@link #nth}
 * match on, {@link #times} times.
 *
 * @param id its id in the session
 * @param kind what it does
 * @param on the operation a request kind acts on, e.g. {@code create-outgoing-payment}
 * @param walletAddress the wallet address a kind is narrowed to, or null
 * @param grant the grant id a grant or payment kind is narrowed to, or null
 * @param nth the match it first fires on (1: the first)
 * @param times how many times it fires
 * @param status the status a {@code server-error} answers with
 * @param retryAfter what a {@code rate-limited} answer's {@code Retry-After} says
 * @param delay how long a {@code slow-answer} waits
 * @param waitTime the {@code wait} a {@code raised-wait} gives
 * @param lifetime how long a {@code quote-expires-early} quote is valid for
 * @param seen how many matches it met so far
 * @param fired how many times it fired so far
 * @param percent how much of each limit a {@code reduced-limit} or {@code
 *     limit-reduced-after-payment} leaves
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Misbehaviour(
    String id,
    MisbehaviourKind kind,
    String on,
    String walletAddress,
    String grant,
    int nth,
    int times,
    Integer status,
    Duration retryAfter,
    Duration delay,
    @JsonProperty("wait") Duration waitTime,
    Duration lifetime,
    int seen,
    int fired,
    Integer percent) {

  /** The longest {@code Retry-After}, {@code wait} or delay a test can ask for. */
  public static final Duration MAX_DURATION = Duration.ofHours(1);

  /** The longest delay of a slow answer: a request thread is held that long. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);

  /** The most times one misbehaviour can fire. */
  public static final int MAX_TIMES = 1000;

  @JsonCreator
  public Misbehaviour {
    Objects.requireNonNull(id, "id");
    if (kind == null) {
      throw new IllegalArgumentException(
          "'kind' is required: one of " + String.join(", ", MisbehaviourKind.wires()));
    }
    if (nth < 1 || nth > MAX_TIMES) {
      throw new IllegalArgumentException("'nth' is from 1 to " + MAX_TIMES + ", got " + nth);
    }
    if (times < 1 || times > MAX_TIMES) {
      throw new IllegalArgumentException("'times' is from 1 to " + MAX_TIMES + ", got " + times);
    }
    if (kind.family() == MisbehaviourKind.Family.REQUEST) {
      if (on == null || on.isBlank()) {
        throw new IllegalArgumentException(
            "'"
                + kind.wire()
                + "' needs 'on', the operation it acts on, e.g. create-outgoing-payment");
      }
      if (grant != null) {
        throw new IllegalArgumentException(
            "'"
                + kind.wire()
                + "' acts on requests of an operation ('on'); narrow it with 'walletAddress',"
                + " not 'grant'");
      }
    } else if (on != null) {
      throw new IllegalArgumentException(
          "'"
              + kind.wire()
              + "' acts on grants; narrow it with 'walletAddress' or 'grant', not 'on'");
    }
    Set<String> taken = kind.parameters();
    List<String> given = new ArrayList<>();
    if (status != null) {
      given.add("status");
    }
    if (retryAfter != null) {
      given.add("retryAfter");
    }
    if (delay != null) {
      given.add("delay");
    }
    if (waitTime != null) {
      given.add("wait");
    }
    if (percent != null) {
      given.add("percent");
    }
    if (lifetime != null) {
      given.add("lifetime");
    }
    for (String parameter : given) {
      if (!taken.contains(parameter)) {
        throw new IllegalArgumentException(
            "'"
                + kind.wire()
                + "' takes "
                + (taken.isEmpty() ? "no parameter" : String.join(", ", taken))
                + ", not '"
                + parameter
                + "'");
      }
    }
    if (status != null && (status < 500 || status > 599)) {
      throw new IllegalArgumentException("'status' is a 5xx status, got " + status);
    }
    checkDuration("retryAfter", retryAfter, Duration.ofSeconds(1), MAX_DURATION);
    checkDuration("delay", delay, Duration.ofMillis(1), MAX_DELAY);
    checkDuration("wait", waitTime, Duration.ofSeconds(1), MAX_DURATION);
    checkDuration("lifetime", lifetime, Duration.ofMillis(1), MAX_DELAY);
    if (kind == MisbehaviourKind.SLOW_ANSWER && delay == null) {
      throw new IllegalArgumentException("'slow-answer' needs 'delay', e.g. \"PT5S\"");
    }
    if (kind == MisbehaviourKind.RAISED_WAIT && waitTime == null) {
      throw new IllegalArgumentException("'raised-wait' needs 'wait', e.g. \"PT10S\"");
    }
    if (percent != null && (percent < 1 || percent > 99)) {
      throw new IllegalArgumentException(
          "'percent' is how much of each limit is left, from 1 to 99, got " + percent);
    }
    if (seen < 0 || fired < 0) {
      throw new IllegalArgumentException("counters cannot be negative");
    }
  }

  /** How much of each limit a limit reduction leaves, in percent. */
  @JsonIgnore
  public int percentOrDefault() {
    return percent == null ? 50 : percent;
  }

  private static void checkDuration(String name, Duration value, Duration min, Duration max) {
    if (value != null
        && (value.compareTo(min) < 0
            || value.compareTo(max) > 0
            || value.getNano() % 1_000_000 != 0)) {
      throw new IllegalArgumentException(
          "'" + name + "' is from " + min + " to " + max + " (whole milliseconds), got " + value);
    }
  }

  /** The status a {@code server-error} answers with. */
  @JsonIgnore
  public int statusOrDefault() {
    return status == null ? 503 : status;
  }

  /** What a {@code rate-limited} answer's {@code Retry-After} says. */
  @JsonIgnore
  public Duration retryAfterOrDefault() {
    return retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
  }

  /** How long a {@code quote-expires-early} quote is valid for. */
  @JsonIgnore
  public Duration lifetimeOrDefault() {
    return lifetime == null ? Duration.ofSeconds(1) : lifetime;
  }

  /** Whether a request kind's scope takes a request on this wallet address (null: unknown). */
  public boolean coversRequestOn(String requestWalletAddress) {
    return walletAddress == null || walletAddress.equals(requestWalletAddress);
  }

  /** Whether it has fired as often as it may. */
  @JsonProperty("spent")
  public boolean spent() {
    return fired >= times;
  }

  /** Whether its scope takes a grant of {@code grantId} whose client and access name these URLs. */
  public boolean covers(String grantId, List<String> walletAddresses) {
    if (grant != null && !grant.equals(grantId)) {
      return false;
    }
    return walletAddress == null || walletAddresses.contains(walletAddress);
  }

  /**
   * It met one more match: the new version, and whether it fires on it.
   *
   * @return the version after the match; {@link #fired} grew when it fires
   */
  public Misbehaviour matched() {
    int matches = seen + 1;
    boolean fires = matches >= nth && fired < times;
    return counted(matches, fires ? fired + 1 : fired);
  }

  /** It met one more match but another misbehaviour acted on it: counted, not fired. */
  public Misbehaviour passedOver() {
    return counted(seen + 1, fired);
  }

  /** Back to no matches and no firing: the state a reset brings it to. */
  public Misbehaviour rearmed() {
    return counted(0, 0);
  }

  /** The same misbehaviour with these counters: the one place the counters change. */
  private Misbehaviour counted(int newSeen, int newFired) {
    return new Misbehaviour(
        id,
        kind,
        on,
        walletAddress,
        grant,
        nth,
        times,
        status,
        retryAfter,
        delay,
        waitTime,
        lifetime,
        newSeen,
        newFired,
        percent);
  }
}
