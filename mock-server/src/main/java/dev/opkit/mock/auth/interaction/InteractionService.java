package dev.opkit.mock.auth.interaction;

import dev.opkit.mock.auth.grant.GrantEvents;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.misbehave.LimitReduction;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.GrantState;
import dev.opkit.mock.store.Interaction;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.mock.store.Transactions;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.model.InteractFinish;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The front channel of interactive grants (RFC 9635 §4; PROTOCOL.md §4.2): the consent page, the
 * user's decision, and the way back to the client, with {@code hash} and {@code interact_ref} after
 * an accept, {@code result=grant_rejected} after a reject, and {@code result} + {@code message}
 * when the interaction can no longer be used. Auto-consent decides without showing the page.
 */
public final class InteractionService {
  private final Transactions storage;
  private final GrantEvents events;
  private final HtmlPages pages;
  private final ConsentTokens tokens;
  private final Misbehaviours misbehaviours;

  public InteractionService(
      Transactions storage,
      GrantEvents events,
      HtmlPages pages,
      ConsentTokens tokens,
      Misbehaviours misbehaviours) {
    this.misbehaviours = misbehaviours;
    this.storage = storage;
    this.tokens = tokens;
    this.events = events;
    this.pages = pages;
  }

  /** {@code GET interact.redirect}: the consent page, or an automatic decision. */
  public InteractionOutcome show(SessionAse ase, String id, String nonce) {
    Optional<GrantRecord> found = find(ase, id, nonce);
    if (found.isEmpty()) {
      return unknown(ase);
    }
    GrantRecord grant = found.get();
    Optional<InteractionOutcome> unusable = unusable(ase, grant, ase.session().now());
    if (unusable.isPresent()) {
      return unusable.get();
    }
    AutoConsent auto = ase.session().record().autoConsent();
    if (auto != AutoConsent.OFF) {
      return decide(ase, grant, auto == AutoConsent.ACCEPT);
    }
    return new InteractionOutcome.Page(
        200,
        pages.consent(
            ConsentView.of(ase, grant, tokens.tokenFor(grant.interactionIfAny().orElseThrow()))));
  }

  /**
   * {@code POST interact.redirect} with form fields {@code decision=accept|reject} and the page's
   * {@value ConsentTokens#FIELD}.
   */
  public InteractionOutcome decide(
      SessionAse ase, String id, String nonce, String decision, String consentToken) {
    Optional<GrantRecord> found = find(ase, id, nonce);
    if (found.isEmpty()) {
      return unknown(ase);
    }
    GrantRecord grant = found.get();
    if (!"accept".equals(decision) && !"reject".equals(decision)) {
      return new InteractionOutcome.Page(
          400,
          pages.message(
              ase.name(),
              "Choose Accept or Reject",
              List.of(
                  "The form must send decision=accept or decision=reject; it sent "
                      + (decision == null ? "no decision" : "'" + decision + "'")
                      + ".")));
    }
    Optional<InteractionOutcome> unusable = unusable(ase, grant, ase.session().now());
    if (unusable.isPresent()) {
      return unusable.get();
    }
    if (!tokens.matches(grant.interactionIfAny().orElseThrow(), consentToken)) {
      return notFromThePage(
          ase,
          "The answer did not carry the token of the consent page this wallet showed"
              + (consentToken == null ? "" : " (it carried another one)")
              + ".");
    }
    return decide(ase, grant, "accept".equals(decision));
  }

  /**
   * The page for a decision that a page of another site sent (its {@code Origin} or {@code
   * Sec-Fetch-Site} said so); nothing is decided.
   *
   * @param why how the request showed it, as {@code CrossSiteRequests.foreignReason} says it
   */
  public InteractionOutcome refuseCrossSite(SessionAse ase, String why) {
    return notFromThePage(ase, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
  }

  private InteractionOutcome notFromThePage(SessionAse ase, String why) {
    return new InteractionOutcome.Page(
        403,
        pages.message(
            ase.name(),
            "This answer did not come from the consent page",
            List.of(
                why,
                "The wallet takes Accept or Reject only from the consent page it showed you, so"
                    + " that no other site or app can answer for you. Nothing was decided.",
                "Open the consent link from the app again and answer there.")));
  }

  /** Decides in one transaction that takes the grant for update and checks it is still usable. */
  private InteractionOutcome decide(SessionAse ase, GrantRecord seen, boolean accept) {
    Interaction interaction = seen.interactionIfAny().orElseThrow();
    String ref = UUID.randomUUID().toString();
    Decided decided =
        storage.write(
            ase.sessionId(),
            tx -> {
              GrantRecord grant = tx.grants().forUpdate(seen.id()).orElseThrow();
              Instant now = ase.session().now(tx);
              Optional<InteractionOutcome> unusable = unusable(ase, grant, now);
              if (unusable.isPresent()) {
                return new Decided(null, unusable.get(), false, false);
              }
              GrantRecord changed = accept ? grant.approve(ref, now) : grant.reject(now);
              if (accept && LimitReduction.applies(grant.access())) {
                // as if the user lowered the amounts on the consent page
                changed =
                    misbehaviours
                        .onGrant(
                            tx,
                            ase,
                            MisbehaviourKind.REDUCED_LIMIT,
                            grant.id(),
                            grant.continueId(),
                            grant.walletAddresses())
                        .map(
                            m ->
                                grant
                                    .approve(ref, now)
                                    .withAccess(
                                        LimitReduction.reduce(
                                            grant.access(), m.percentOrDefault())))
                        .orElse(changed);
              }
              tx.grants().save(changed);
              boolean wrongHash =
                  accept
                      && interaction.finish() != null
                      && misbehaviours
                          .onGrant(
                              tx,
                              ase,
                              MisbehaviourKind.WRONG_FINISH_HASH,
                              grant.id(),
                              grant.continueId(),
                              GrantService.walletAddresses(grant.client(), grant.access()))
                          .isPresent();
              events.publish(
                  tx, ase, accept ? EventType.GRANT_APPROVED : EventType.GRANT_REJECTED, changed);
              boolean noReference =
                  accept
                      && interaction.finish() != null
                      && misbehaviours
                          .onGrant(
                              tx,
                              ase,
                              MisbehaviourKind.NO_INTERACT_REF,
                              grant.id(),
                              grant.continueId(),
                              GrantService.walletAddresses(grant.client(), grant.access()))
                          .isPresent();
              return new Decided(changed, null, wrongHash, noReference);
            });
    if (decided.unusable() != null) {
      return decided.unusable();
    }
    GrantRecord grant = decided.grant();
    InteractFinish finish = interaction.finish();
    if (finish == null) {
      return new InteractionOutcome.Page(
          200,
          pages.message(
              ase.name(),
              accept ? "Access granted" : "Access refused",
              List.of(
                  "You "
                      + (accept ? "accepted" : "rejected")
                      + " the request of "
                      + grant.clientNameIfAny().orElse(grant.client().id())
                      + ". You can close this window; the app learns the outcome by asking the"
                      + " wallet.")));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (accept) {
      // A wrong hash is the right one of another reference: well-formed, but it does not verify.
      FinishHash hash =
          new FinishHash(
              finish.nonce(),
              interaction.finishNonce(),
              decided.wrongHash() ? UUID.randomUUID().toString() : ref,
              ase.authServerUrl());
      parameters.put("hash", hash.encode(ase.profile().finishHashEncoding()));
      if (!decided.noReference()) {
        parameters.put("interact_ref", ref);
      }
    } else {
      parameters.put("result", "grant_rejected");
    }
    return new InteractionOutcome.Redirect(FinishRedirect.to(finish.uri(), parameters));
  }

  /**
   * A decision's end.
   *
   * @param grant the grant as decided, or null when it could no longer be
   * @param unusable why it could no longer be decided, or null
   * @param wrongHash whether a misbehaviour makes the finish redirect's hash wrong
   * @param noReference whether a misbehaviour leaves the finish redirect's interact_ref out
   */
  private record Decided(
      GrantRecord grant, InteractionOutcome unusable, boolean wrongHash, boolean noReference) {}

  /** Why a known interaction can no longer be used, sending the user back where possible. */
  private Optional<InteractionOutcome> unusable(SessionAse ase, GrantRecord grant, Instant now) {
    Interaction interaction = grant.interactionIfAny().orElseThrow();
    GrantState state = grant.state();
    String result;
    String message;
    if (state == GrantState.REVOKED) {
      result = "unknown_interaction";
      message = "the grant was revoked";
    } else if (state != GrantState.PENDING) {
      result = "invalid_interaction";
      message = "interaction already finished";
    } else if (interaction.expiredAt(now)) {
      result = "invalid_interaction";
      message = "interaction expired";
    } else {
      return Optional.empty();
    }
    InteractFinish finish = interaction.finish();
    if (finish != null) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("result", result);
      parameters.put("message", message);
      return Optional.of(
          new InteractionOutcome.Redirect(FinishRedirect.to(finish.uri(), parameters)));
    }
    return Optional.of(
        new InteractionOutcome.Page(
            400,
            pages.message(
                ase.name(),
                "This request can no longer be answered",
                List.of(
                    "The " + message + " (" + result + ").",
                    "Go back to the app and start again."))));
  }

  private Optional<GrantRecord> find(SessionAse ase, String id, String nonce) {
    return storage
        .read(ase.sessionId(), reads -> reads.grants().findByInteractionId(id))
        .filter(g -> g.ase().equals(ase.name()))
        .filter(
            g ->
                MessageDigest.isEqual(
                    g.interactionIfAny().orElseThrow().urlNonce().getBytes(StandardCharsets.UTF_8),
                    nonce.getBytes(StandardCharsets.UTF_8)));
  }

  private InteractionOutcome unknown(SessionAse ase) {
    return new InteractionOutcome.Page(
        404,
        pages.message(
            ase.name(),
            "Unknown request",
            List.of(
                "This wallet knows no access request at this address. The link may be"
                    + " mistyped, or the sandbox was reset since the app sent you here.",
                "Go back to the app and start again.")));
  }
}
