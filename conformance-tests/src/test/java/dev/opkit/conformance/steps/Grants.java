package dev.opkit.conformance.steps;

import dev.opkit.client.Pause;
import dev.opkit.client.interaction.GrantConsent;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.consent.Consent;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractFinish;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Limits;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grants and access tokens of one scenario, and how it gets them: incoming-payment and quote
 * grants at once, the outgoing-payment grant through the user's consent (the guide's steps 2, 4 and
 * 6–9). Keeps each kind's current token, the token it replaced, the pending interactive grant, and
 * the interval the outgoing-payment grant is limited by.
 */
public final class Grants {
  /**
   * A token is refreshed when it has less than this left, so a step never starts with a dying one.
   */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

  /** Interval starts lie this far back, so a wallet clock a little behind this one is inside. */
  private static final Duration INTERVAL_START_LEAD = Duration.ofMinutes(1);

  private final ScenarioContext context;
  private final Map<AccessType, Held> current = new EnumMap<>(AccessType.class);
  private final Map<AccessType, AccessToken> replaced = new EnumMap<>(AccessType.class);
  private Pending pending;
  private InteractionResult consent;
  private RepeatingInterval interval;
  private AccessItem requested;
  private AccessType lastRotated;

  public Grants(ScenarioContext context) {
    this.context = context;
  }

  /** An access token held, and when it was issued by the wallet's clock. */
  record Held(AccessToken token, Instant issuedAt) {}

  /**
   * An interactive grant waiting for its continuation.
   *
   * @param answer the grant answer with {@code interact} and {@code continue}
   * @param interaction what the finish hash is computed from
   * @param requested the access item asked for
   * @param consent who answers its consent page
   * @param lastContinuedAt when the grant answered or was last continued, by the wallet's clock
   */
  record Pending(
      GrantResponse answer,
      Interaction interaction,
      AccessItem requested,
      Consent consent,
      Instant lastContinuedAt) {
    Continue continuation() {
      return answer.continuation();
    }

    Pending continuedAt(Instant at) {
      return new Pending(answer, interaction, requested, consent, at);
    }

    /**
     * Continued at {@code at}, answered with {@code next}: its {@code continue}, when it has one,
     * is the one to go on with (the wallet may rotate the continuation token, RFC 9635 §5).
     */
    Pending continuedAt(Instant at, Optional<GrantResponse> next) {
      Continue latest =
          next.map(GrantResponse::continuation).orElse(null) == null
              ? answer.continuation()
              : next.get().continuation();
      return new Pending(
          new GrantResponse(answer.interact(), answer.accessToken(), latest, answer.subject()),
          interaction,
          requested,
          consent,
          at);
    }
  }

  /** Incoming-payment access to the receiver's wallet: what the guide's step 2 asks for. */
  AccessItem incomingPaymentAccess() {
    return AccessItem.of(
        AccessType.INCOMING_PAYMENT,
        context.wallet(Role.RECEIVER).id(),
        AccessAction.CREATE,
        AccessAction.READ,
        AccessAction.LIST,
        AccessAction.COMPLETE);
  }

  /** Quote access, as the guide's step 4 asks for it. */
  static AccessItem quoteAccess() {
    return AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE, AccessAction.READ);
  }

  /** Asks the role's authorization server for non-interactive access; keeps the token issued. */
  Optional<GrantResponse> request(Role role, AccessItem access) {
    WalletAddress wallet = context.wallet(role);
    requested = access;
    Optional<GrantResponse> answer =
        context.act(
            () ->
                context
                    .client()
                    .grant()
                    .request(wallet.authServer(), AccessTokenRequest.of(access)));
    answer
        .filter(a -> a.accessToken() != null)
        .ifPresent(a -> hold(access.type(), a.accessToken()));
    return answer;
  }

  /** A live incoming-payment token for the receiver's wallet, asked for when there is none. */
  String incomingPaymentToken() {
    return live(AccessType.INCOMING_PAYMENT, Role.RECEIVER, incomingPaymentAccess());
  }

  /** A live quote token at the sender's wallet, asked for when there is none. */
  String quoteToken() {
    return live(AccessType.QUOTE, Role.SENDER, quoteAccess());
  }

  private String live(AccessType type, Role role, AccessItem access) {
    Held held = current.get(type);
    if (held != null && !expiresSoon(held)) {
      return held.token().value();
    }
    GrantResponse answer =
        context.requireSuccess(
            request(role, access), "the " + type.wireName() + " grant is issued");
    if (answer.accessToken() == null) {
      throw new IllegalStateException(
          "the "
              + type.wireName()
              + " grant needs interaction at "
              + context.wallet(role).authServer()
              + "; the kit expects it at once, as the guide does");
    }
    return answer.accessToken().value();
  }

  private boolean expiresSoon(Held held) {
    Integer lifetime = held.token().expiresIn();
    if (lifetime == null) {
      return false;
    }
    Instant expiry = held.issuedAt().plusSeconds(lifetime);
    return !now().plus(TOKEN_MARGIN).isBefore(expiry);
  }

  /** The current token of a kind. */
  AccessToken token(AccessType type) {
    Held held = current.get(type);
    if (held == null) {
      throw new IllegalStateException("the scenario holds no " + type.wireName() + " token yet");
    }
    return held.token();
  }

  /** When the current token of a kind was issued, by the wallet's clock. */
  Instant issuedAt(AccessType type) {
    token(type);
    return current.get(type).issuedAt();
  }

  /** The token the current one replaced by rotation. */
  AccessToken replacedToken(AccessType type) {
    AccessToken old = replaced.get(type);
    if (old == null) {
      throw new IllegalStateException(
          "no " + type.wireName() + " token was rotated in this scenario");
    }
    return old;
  }

  /** Keeps a newly issued token as the kind's current one. */
  void hold(AccessType type, AccessToken token) {
    current.put(type, new Held(token, now()));
  }

  /** Keeps a rotated token, remembering the one it replaced. */
  void rotated(AccessType type, AccessToken newToken) {
    replaced.put(type, token(type));
    hold(type, newToken);
    lastRotated = type;
  }

  /** The kind of token rotated last. */
  AccessType lastRotated() {
    if (lastRotated == null) {
      throw new IllegalStateException("no token was rotated in this scenario");
    }
    return lastRotated;
  }

  /**
   * The {@code limits.interval} for a grant: from a minute ago on the wallet's clock, every {@code
   * duration}, {@code times} times or without end.
   */
  String intervalFrom(String duration, Integer times) {
    Instant start = now().minus(INTERVAL_START_LEAD).truncatedTo(ChronoUnit.SECONDS);
    return "R" + (times == null ? "" : times) + "/" + start + "/" + duration;
  }

  /**
   * Asks the sender's authorization server for outgoing payments up to {@code debitLimit} (per
   * interval, when given), offering the redirect interaction of the guide's step 6.
   */
  Optional<GrantResponse> requestOutgoing(Amount debitLimit, String intervalText) {
    this.interval = intervalText == null ? null : RepeatingInterval.parse(intervalText);
    return requestOutgoing(new Limits(null, intervalText, debitLimit, null), true);
  }

  /**
   * Asks the sender's authorization server for outgoing payments with these limits.
   *
   * @param offerInteraction whether the request offers the redirect interaction
   */
  Optional<GrantResponse> requestOutgoing(Limits limits, boolean offerInteraction) {
    WalletAddress sender = context.wallet(Role.SENDER);
    AccessItem access =
        new AccessItem(
            AccessType.OUTGOING_PAYMENT,
            List.of(AccessAction.CREATE, AccessAction.READ, AccessAction.LIST),
            sender.id(),
            limits);
    String nonce = GrantConsent.newNonce();
    Consent consent = context.newConsent(describe(access));
    String finishUri = consent.finishUri();
    InteractRequest interact =
        offerInteraction
            ? InteractRequest.redirect(InteractFinish.redirect(finishUri, nonce))
            : null;
    requested = access;
    Optional<GrantResponse> answer =
        context.act(
            () ->
                context
                    .client()
                    .grant()
                    .request(sender.authServer(), AccessTokenRequest.of(access), interact));
    answer
        .filter(a -> a.interact() != null)
        .ifPresent(
            a ->
                pending =
                    new Pending(
                        a,
                        new Interaction(
                            a.interact().redirect(),
                            finishUri,
                            nonce,
                            a.interact().finish(),
                            sender.authServer()),
                        access,
                        consent,
                        now()));
    answer
        .filter(a -> a.accessToken() != null)
        .ifPresent(a -> hold(AccessType.OUTGOING_PAYMENT, a.accessToken()));
    return answer;
  }

  /** The access item of the last grant request. */
  AccessItem requested() {
    if (requested == null) {
      throw new IllegalStateException("the scenario has not asked for a grant yet");
    }
    return requested;
  }

  /** What an outgoing-payment grant asks for, in words for the person who consents. */
  static String describe(AccessItem access) {
    StringBuilder text = new StringBuilder("outgoing payments from ").append(access.identifier());
    Limits limits = access.limits();
    if (limits != null && limits.debitAmount() != null) {
      text.append(" of up to ").append(HumanUnits.format(limits.debitAmount()));
    } else if (limits != null && limits.receiveAmount() != null) {
      text.append(" delivering up to ").append(HumanUnits.format(limits.receiveAmount()));
    }
    if (limits != null && limits.interval() != null) {
      text.append(" per interval of ").append(limits.interval());
    }
    return text.toString();
  }

  /** The user answers the consent page (the guide's steps 7–8). */
  InteractionResult answerConsent(HeadlessInteraction.Decision decision) {
    Pending grant = pending();
    consent = grant.consent().answer(grant.interaction(), decision);
    return consent;
  }

  /** How the last consent ended. */
  InteractionResult consent() {
    if (consent == null) {
      throw new IllegalStateException("the user has not answered a consent page yet");
    }
    return consent;
  }

  /** The interaction reference the user came back with. */
  String interactRef() {
    if (consent() instanceof InteractionResult.Approved approved) {
      return approved.interactRef();
    }
    throw new IllegalStateException(
        "the user came back without an interaction reference: " + consent);
  }

  /** The pending interactive grant. */
  Pending pending() {
    if (pending == null) {
      throw new IllegalStateException("no outgoing-payment grant is waiting for consent");
    }
    return pending;
  }

  /**
   * Continues the pending grant (the guide's step 9), first waiting out its {@code wait} when asked
   * to; keeps the token issued.
   */
  Optional<GrantResponse> continueGrant(String interactRef, boolean respectWait) {
    Pending grant = pending();
    if (respectWait) {
      waitBeforeContinuing(grant);
    }
    Optional<GrantResponse> answer =
        context.act(
            () -> context.client().grant().continueGrant(grant.continuation(), interactRef));
    pending = grant.continuedAt(now(), answer);
    answer
        .filter(a -> a.accessToken() != null)
        .ifPresent(a -> hold(AccessType.OUTGOING_PAYMENT, a.accessToken()));
    return answer;
  }

  /**
   * Continues the pending grant without an interaction reference, as a client without a finish URI
   * polls (RFC 9635 §5.2), after its {@code wait}.
   */
  Optional<GrantResponse> poll() {
    Pending grant = pending();
    waitBeforeContinuing(grant);
    Optional<GrantResponse> answer =
        context.act(() -> context.client().grant().poll(grant.continuation()));
    pending = grant.continuedAt(now(), answer);
    answer
        .filter(a -> a.accessToken() != null)
        .ifPresent(a -> hold(AccessType.OUTGOING_PAYMENT, a.accessToken()));
    return answer;
  }

  private void waitBeforeContinuing(Pending grant) {
    Integer seconds = grant.continuation().waitSeconds();
    if (seconds == null || seconds <= 0) {
      return;
    }
    Duration left = Duration.between(now(), grant.lastContinuedAt().plusSeconds(seconds));
    if (!left.isNegative() && !left.isZero()) {
      Pause pause = context.target().waiting();
      pause.sleep(left);
    }
  }

  /**
   * The whole consent journey for a Given: asks for the grant, the user accepts, the client
   * continues; fails the step when any part does not work.
   */
  void grantOutgoing(Amount debitLimit, String intervalText) {
    GrantResponse answer =
        context.requireSuccess(
            requestOutgoing(debitLimit, intervalText), "the outgoing-payment grant is requested");
    if (answer.accessToken() != null) {
      return;
    }
    InteractionResult result = answerConsent(HeadlessInteraction.Decision.ACCEPT);
    if (!(result instanceof InteractionResult.Approved approved)) {
      throw new IllegalStateException("the user's consent did not come back approved: " + result);
    }
    context.requireSuccess(
        continueGrant(approved.interactRef(), true), "the consented grant is continued");
  }

  /** The interval the outgoing-payment grant is limited by. */
  RepeatingInterval interval() {
    if (interval == null) {
      throw new IllegalStateException("the outgoing-payment grant has no interval");
    }
    return interval;
  }

  /** The window of the grant's interval that holds the wallet's now, counting windows so. */
  Optional<IntervalWindow> currentWindow(WindowCounting counting) {
    return interval().windowAt(now(), counting);
  }

  /** The wallet's time. */
  Instant now() {
    return context.target().walletClock().instant();
  }
}
