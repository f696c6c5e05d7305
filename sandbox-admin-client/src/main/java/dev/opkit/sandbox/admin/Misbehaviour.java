package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * A misbehaviour of the sandbox (issue 18) as {@code POST /admin/misbehaviours} takes it and {@code
 * GET /admin/misbehaviours} lists it (then with its id and counts). Made with the factories, then
 * narrowed: {@code Misbehaviour.rateLimited("create-quote", Duration.ofSeconds(2)).nth(2)}.
 *
 * @param kind what it does, e.g. {@code rate-limited}
 * @param on the operation a request misbehaviour acts on (an OpenAPI operation id)
 * @param walletAddress the wallet address a grant or payment misbehaviour is narrowed to
 * @param grant the grant id a grant or payment misbehaviour is narrowed to
 * @param nth the match it first fires on (default 1)
 * @param times how many times it fires (default 1)
 * @param status a {@code server-error}'s status
 * @param retryAfter a {@code rate-limited} answer's {@code Retry-After}
 * @param delay a {@code slow-answer}'s delay
 * @param waitTime a {@code raised-wait}'s {@code wait}
 * @param id its id in the session (answers only)
 * @param seen how many matches it met (answers only)
 * @param fired how many times it fired (answers only)
 * @param percent how much of each limit a {@code reduced-limit} or {@code
 *     limit-reduced-after-payment} leaves (default 50)
 * @param lifetime a {@code quote-expires-early} quote's lifetime
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Misbehaviour(
    String kind,
    String on,
    String walletAddress,
    String grant,
    Integer nth,
    Integer times,
    Integer status,
    Duration retryAfter,
    Duration delay,
    @JsonProperty("wait") Duration waitTime,
    String id,
    Integer seen,
    Integer fired,
    Integer percent,
    Duration lifetime) {

  @JsonCreator
  public Misbehaviour {}

  private static Misbehaviour of(String kind, String on) {
    return new Misbehaviour(
        kind, on, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** {@code 429} with {@code Retry-After} on a request of {@code operation}. */
  public static Misbehaviour rateLimited(String operation, Duration retryAfter) {
    Misbehaviour m = of("rate-limited", operation);
    return new Misbehaviour(
        m.kind,
        m.on,
        null,
        null,
        null,
        null,
        null,
        retryAfter,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A 5xx answer instead of a request of {@code operation}. */
  public static Misbehaviour serverError(String operation, int status) {
    return new Misbehaviour(
        "server-error",
        operation,
        null,
        null,
        null,
        null,
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A request of {@code operation} answered only after {@code delay}. */
  public static Misbehaviour slowAnswer(String operation, Duration delay) {
    return new Misbehaviour(
        "slow-answer",
        operation,
        null,
        null,
        null,
        null,
        null,
        null,
        delay,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A request of {@code operation} served (committed), then its answer lost. */
  public static Misbehaviour responseLost(String operation) {
    return of("response-lost", operation);
  }

  /** Interactive grants with a longer {@code wait}. */
  public static Misbehaviour raisedWait(Duration wait) {
    return new Misbehaviour(
        "raised-wait",
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
        null,
        null,
        null,
        null);
  }

  /** The finish redirect with a wrong {@code hash}. */
  public static Misbehaviour wrongFinishHash() {
    return of("wrong-finish-hash", null);
  }

  /** The finish redirect without its {@code interact_ref}. */
  public static Misbehaviour noInteractRef() {
    return of("no-interact-ref", null);
  }

  /** The grant's tokens revoked right after a payment. */
  public static Misbehaviour tokenRevokedAfterPayment() {
    return of("token-revoked-after-payment", null);
  }

  /** The grant's tokens expired right after a payment. */
  public static Misbehaviour tokenExpiredAfterPayment() {
    return of("token-expired-after-payment", null);
  }

  /** Every continuation answered with a new continuation token; the old one dies. */
  public static Misbehaviour continuationTokenRotated() {
    return of("continuation-token-rotated", null);
  }

  /** The grant approved with {@code percent} of each amount limit asked for. */
  public static Misbehaviour reducedLimit(int percent) {
    return of("reduced-limit", null).withPercent(percent);
  }

  /** The grant's limits lowered to {@code percent} right after a payment. */
  public static Misbehaviour limitReducedAfterPayment(int percent) {
    return of("limit-reduced-after-payment", null).withPercent(percent);
  }

  /** The interaction expired before the user comes back. */
  public static Misbehaviour interactionExpired() {
    return of("interaction-expired", null);
  }

  /** The grant's expired tokens are not rotated. */
  public static Misbehaviour rotationRefused() {
    return of("rotation-refused", null);
  }

  private Misbehaviour withPercent(int value) {
    return new Misbehaviour(
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
        id,
        seen,
        fired,
        value,
        lifetime);
  }

  /** Quotes valid for {@code lifetime} only, answered once it passed. */
  public static Misbehaviour quoteExpiresEarly(Duration lifetime) {
    return new Misbehaviour(
        "quote-expires-early",
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
        null,
        null,
        null,
        lifetime);
  }

  /** The incoming payment a quote pays into completed right after the quote. */
  public static Misbehaviour receiverCompleted() {
    return of("receiver-completed", null);
  }

  /** The incoming payment a quote pays into expired right after the quote. */
  public static Misbehaviour receiverExpired() {
    return of("receiver-expired", null);
  }

  /** A browser's request for a wallet address document redirected to a page for people. */
  public static Misbehaviour htmlRedirect() {
    return of("html-redirect", "get-wallet-address");
  }

  /** Fields the client never saw in the JSON document a request of {@code operation} gets. */
  public static Misbehaviour extraFields(String operation) {
    return of("extra-fields", operation);
  }

  /**
   * The key that signed a request creating an outgoing payment removed from the client's own JWKS
   * right after the payment; the client's other keys stay.
   */
  public static Misbehaviour clientKeyRotated() {
    return of("client-key-rotated", null);
  }

  /** Fires first on the n-th match. */
  public Misbehaviour nth(int n) {
    return new Misbehaviour(
        kind,
        on,
        walletAddress,
        grant,
        n,
        times,
        status,
        retryAfter,
        delay,
        waitTime,
        id,
        seen,
        fired,
        percent,
        lifetime);
  }

  /** Fires this many times. */
  public Misbehaviour times(int n) {
    return new Misbehaviour(
        kind,
        on,
        walletAddress,
        grant,
        nth,
        n,
        status,
        retryAfter,
        delay,
        waitTime,
        id,
        seen,
        fired,
        percent,
        lifetime);
  }

  /**
   * Acts only on grants whose client or access names this wallet address, or (a request
   * misbehaviour) on requests on this wallet address and its resources.
   */
  public Misbehaviour forWalletAddress(String url) {
    return new Misbehaviour(
        kind,
        on,
        url,
        grant,
        nth,
        times,
        status,
        retryAfter,
        delay,
        waitTime,
        id,
        seen,
        fired,
        percent,
        lifetime);
  }

  /** Acts only on this grant. */
  public Misbehaviour forGrant(String grantId) {
    return new Misbehaviour(
        kind,
        on,
        walletAddress,
        grantId,
        nth,
        times,
        status,
        retryAfter,
        delay,
        waitTime,
        id,
        seen,
        fired,
        percent,
        lifetime);
  }
}
