package dev.opkit.mock.auth.interaction;

import dev.opkit.mock.auth.AuthSettings;
import dev.opkit.mock.auth.AutoConsent;
import dev.opkit.mock.auth.grant.Grant;
import dev.opkit.mock.auth.grant.GrantEvents;
import dev.opkit.mock.auth.grant.GrantState;
import dev.opkit.mock.auth.grant.GrantStore;
import dev.opkit.mock.auth.grant.Interaction;
import dev.opkit.mock.events.EventType;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.model.InteractFinish;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
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
  private final GrantStore grants;
  private final AuthSettings settings;
  private final GrantEvents events;
  private final HtmlPages pages;
  private final ConsentTokens tokens = new ConsentTokens();
  private final Clock clock;

  public InteractionService(
      GrantStore grants, AuthSettings settings, GrantEvents events, HtmlPages pages, Clock clock) {
    this.grants = grants;
    this.settings = settings;
    this.events = events;
    this.pages = pages;
    this.clock = clock;
  }

  /** {@code GET interact.redirect}: the consent page, or an automatic decision. */
  public InteractionOutcome show(Ase ase, String id, String nonce) {
    Optional<Grant> found = find(ase, id, nonce);
    if (found.isEmpty()) {
      return unknown(ase);
    }
    Grant grant = found.get();
    Optional<InteractionOutcome> unusable = unusable(grant);
    if (unusable.isPresent()) {
      return unusable.get();
    }
    AutoConsent auto = settings.autoConsent();
    if (auto != AutoConsent.OFF) {
      return decide(grant, auto == AutoConsent.ACCEPT);
    }
    return new InteractionOutcome.Page(
        200,
        pages.consent(ConsentView.of(grant, tokens.tokenFor(grant.interaction().orElseThrow()))));
  }

  /**
   * {@code POST interact.redirect} with form fields {@code decision=accept|reject} and the page's
   * {@value ConsentTokens#FIELD}.
   */
  public InteractionOutcome decide(
      Ase ase, String id, String nonce, String decision, String consentToken) {
    Optional<Grant> found = find(ase, id, nonce);
    if (found.isEmpty()) {
      return unknown(ase);
    }
    Grant grant = found.get();
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
    Optional<InteractionOutcome> unusable = unusable(grant);
    if (unusable.isPresent()) {
      return unusable.get();
    }
    if (!tokens.matches(grant.interaction().orElseThrow(), consentToken)) {
      return notFromThePage(
          ase,
          "The answer did not carry the token of the consent page this wallet showed"
              + (consentToken == null ? "" : " (it carried another one)")
              + ".");
    }
    return decide(grant, "accept".equals(decision));
  }

  /**
   * The page for a decision that a page of another site sent (its {@code Origin} or {@code
   * Sec-Fetch-Site} said so); nothing is decided.
   *
   * @param why how the request showed it, as {@code CrossSiteRequests.foreignReason} says it
   */
  public InteractionOutcome refuseCrossSite(Ase ase, String why) {
    return notFromThePage(ase, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
  }

  private InteractionOutcome notFromThePage(Ase ase, String why) {
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

  private InteractionOutcome decide(Grant grant, boolean accept) {
    Interaction interaction = grant.interaction().orElseThrow();
    Instant now = clock.instant();
    String ref = UUID.randomUUID().toString();
    synchronized (grant) {
      Optional<InteractionOutcome> unusable = unusable(grant);
      if (unusable.isPresent()) {
        return unusable.get();
      }
      if (accept) {
        grant.approve(ref, now);
      } else {
        grant.reject(now);
      }
    }
    events.publish(accept ? EventType.GRANT_APPROVED : EventType.GRANT_REJECTED, grant);
    InteractFinish finish = interaction.finish();
    if (finish == null) {
      return new InteractionOutcome.Page(
          200,
          pages.message(
              grant.ase().name(),
              accept ? "Access granted" : "Access refused",
              List.of(
                  "You "
                      + (accept ? "accepted" : "rejected")
                      + " the request of "
                      + grant.clientName().orElse(grant.client().id())
                      + ". You can close this window; the app learns the outcome by asking the"
                      + " wallet.")));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (accept) {
      FinishHash hash =
          new FinishHash(
              finish.nonce(), interaction.finishNonce(), ref, grant.ase().authServerUrl());
      parameters.put("hash", hash.encode(grant.ase().profile().finishHashEncoding()));
      parameters.put("interact_ref", ref);
    } else {
      parameters.put("result", "grant_rejected");
    }
    return new InteractionOutcome.Redirect(FinishRedirect.to(finish.uri(), parameters));
  }

  /** Why a known interaction can no longer be used, sending the user back where possible. */
  private Optional<InteractionOutcome> unusable(Grant grant) {
    Interaction interaction = grant.interaction().orElseThrow();
    GrantState state = grant.state();
    Instant now = clock.instant();
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
                grant.ase().name(),
                "This request can no longer be answered",
                List.of(
                    "The " + message + " (" + result + ").",
                    "Go back to the app and start again."))));
  }

  private Optional<Grant> find(Ase ase, String id, String nonce) {
    return grants
        .findByInteractionId(id)
        .filter(g -> g.ase() == ase)
        .filter(
            g ->
                MessageDigest.isEqual(
                    g.interaction().orElseThrow().urlNonce().getBytes(StandardCharsets.UTF_8),
                    nonce.getBytes(StandardCharsets.UTF_8)));
  }

  private InteractionOutcome unknown(Ase ase) {
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
