package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a misbehaving wallet can do to the client under test (issue 18), each with the parameters it
 * takes. Request kinds act on the n-th request of an operation; grant kinds on the grants their
 * scope matches; payment kinds on the quotes and outgoing payments of those grants.
 */
public enum MisbehaviourKind {
  /** Answers {@code 429} with {@code Retry-After} instead of serving the request. */
  RATE_LIMITED(Family.REQUEST, Set.of("retryAfter")),
  /** Answers a 5xx error instead of serving the request. */
  SERVER_ERROR(Family.REQUEST, Set.of("status")),
  /** Serves the request only after a delay. */
  SLOW_ANSWER(Family.REQUEST, Set.of("delay")),
  /**
   * Serves the request (its change is committed), then closes the connection without an answer: a
   * response lost after commit.
   */
  RESPONSE_LOST(Family.REQUEST, Set.of()),
  /**
   * Serves the request, adding fields the client never saw to the JSON document it answers with:
   * Rafiki's {@code cardService} and a nested {@code additionalProperties} object.
   */
  EXTRA_FIELDS(Family.REQUEST, Set.of()),
  /**
   * Answers a request for the wallet address document whose {@code Accept} asks for {@code
   * text/html} with {@code 302} to a page for people, as deployed Rafikis and the test wallet do; a
   * request asking for JSON is not matched and gets the document.
   */
  HTML_REDIRECT(Family.REQUEST, Set.of()),
  /** Gives interactive grants a longer {@code wait} (too_fast is enforced with it). */
  RAISED_WAIT(Family.GRANT, Set.of("wait")),
  /** Sends the finish redirect with a wrong {@code hash}. */
  WRONG_FINISH_HASH(Family.GRANT, Set.of()),
  /** Sends the finish redirect of an accepted grant without its {@code interact_ref}. */
  NO_INTERACT_REF(Family.GRANT, Set.of()),
  /** Revokes the grant's tokens right after one of its outgoing payments was created. */
  TOKEN_REVOKED_AFTER_PAYMENT(Family.PAYMENT, Set.of()),
  /**
   * Ends the lifetime of the grant's tokens right after one of its outgoing payments was created
   * (an access token lifetime shorter than the client was told): the next use must rotate.
   */
  TOKEN_EXPIRED_AFTER_PAYMENT(Family.PAYMENT, Set.of()),
  /**
   * Answers each continuation with a new continuation access token (RFC 9635 §5); the old one is
   * dead from then on.
   */
  CONTINUATION_TOKEN_ROTATED(Family.GRANT, Set.of()),
  /**
   * Approves the grant with smaller limits than asked ({@code percent} of each {@code debitAmount}
   * and {@code receiveAmount}), as if the user lowered them on the consent page.
   */
  REDUCED_LIMIT(Family.GRANT, Set.of("percent")),
  /**
   * Lowers the grant's limits to {@code percent} right after one of its outgoing payments was
   * created; the next token (a rotation) shows them.
   */
  LIMIT_REDUCED_AFTER_PAYMENT(Family.PAYMENT, Set.of("percent")),
  /** The interaction expires before the user comes back: no consent, no finish with a reference. */
  INTERACTION_EXPIRED(Family.GRANT, Set.of()),
  /**
   * Refuses to rotate the grant's expired tokens, as the profile switch {@code
   * rotateExpiredTokens=false} does for every grant.
   */
  ROTATION_REFUSED(Family.GRANT, Set.of()),
  /**
   * Issues the quote with an {@code expiresAt} that passes quickly ({@code lifetime}) and answers
   * once it has passed: paying it is refused as Rafiki refuses an expired quote.
   */
  QUOTE_EXPIRES_EARLY(Family.PAYMENT, Set.of("lifetime")),
  /**
   * Completes the incoming payment a quote pays into right after the quote was made: paying the
   * quote is refused as Rafiki refuses a quote whose receiver is no longer active.
   */
  RECEIVER_COMPLETED(Family.PAYMENT, Set.of()),
  /** Expires the incoming payment a quote pays into right after the quote was made. */
  RECEIVER_EXPIRED(Family.PAYMENT, Set.of()),
  /**
   * Removes the key that signed a request creating one of the grant's outgoing payments from the
   * client's own JWKS (its wallet address of this sandbox) right after the payment was created, as
   * the client's operator rotating keys does; the client's other keys stay.
   */
  CLIENT_KEY_ROTATED(Family.PAYMENT, Set.of());

  /** Where a kind acts. */
  public enum Family {
    REQUEST,
    GRANT,
    PAYMENT
  }

  private final Family family;
  private final Set<String> parameters;

  MisbehaviourKind(Family family, Set<String> parameters) {
    this.family = family;
    this.parameters = parameters;
  }

  public Family family() {
    return family;
  }

  /** The parameters it takes besides the common {@code on}, {@code nth}, {@code times}, scope. */
  public Set<String> parameters() {
    return parameters;
  }

  /** Its name on the wire: {@code rate-limited}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind of a wire name.
   *
   * @throws IllegalArgumentException naming every kind
   */
  @JsonCreator
  public static MisbehaviourKind of(String wire) {
    return Arrays.stream(values())
        .filter(k -> k.wire().equals(wire))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown misbehaviour '"
                        + wire
                        + "'; the kinds are "
                        + String.join(", ", wires())));
  }

  /** Every wire name. */
  public static List<String> wires() {
    return Arrays.stream(values()).map(MisbehaviourKind::wire).toList();
  }
}
