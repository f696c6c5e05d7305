package dev.opkit.mock.auth.admin;

import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.spending.SpendingLimits;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.Transactions;
import dev.opkit.protocol.interval.WindowCounting;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grants as the admin API shows them: access, state, client, tokens with their values masked, and
 * for outgoing-payment limits every spending window with its start, end, limit, spent and remaining
 * amounts (from {@link GrantSpending}'s running totals).
 */
public final class GrantAdminViews {
  private final Transactions storage;

  public GrantAdminViews(Transactions storage) {
    this.storage = storage;
  }

  /** A grant for the admin list. */
  public Map<String, Object> summary(SessionAse ase, GrantRecord grant) {
    Instant now = ase.session().now();
    List<TokenRecord> tokens =
        storage.read(ase.sessionId(), reads -> TokenService.ofGrant(reads, grant));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", grant.id());
    view.put("state", grant.state().wireName());
    view.put("client", grant.client().id());
    grant.clientNameIfAny().ifPresent(n -> view.put("clientName", n));
    view.put("createdAt", grant.createdAt());
    view.put("changedAt", grant.changedAt());
    view.put("access", grant.access());
    grant.subjectIfAny().ifPresent(s -> view.put("subject", s));
    grant
        .interactionIfAny()
        .ifPresent(
            interaction -> {
              Map<String, Object> about = new LinkedHashMap<>();
              about.put("redirect", GrantService.redirectUrl(ase, grant));
              about.put("expiresAt", interaction.expiresAt());
              about.put("expired", interaction.expiredAt(now));
              if (interaction.finish() != null) {
                about.put("finishUri", interaction.finish().uri());
              }
              view.put("interaction", about);
            });
    view.put("continueUri", GrantService.continueUri(ase, grant));
    view.put("tokens", tokens.stream().map(t -> token(ase, t, now)).toList());
    return view;
  }

  /**
   * A grant with its spending windows and, for an interval, when the next window starts (what
   * {@code POST /admin/clock {"advanceTo": "next-window"}} moves to; absent after the last).
   */
  public Map<String, Object> detail(SessionAse ase, GrantRecord grant) {
    Map<String, Object> view = summary(ase, grant);
    Instant now = ase.session().now();
    WindowCounting counting = ase.profile().windowCounting();
    grant
        .outgoingPaymentAccess()
        .filter(item -> item.limits() != null)
        .map(item -> SpendingLimits.from(item.limits()))
        .ifPresent(
            limits -> {
              view.put(
                  "windows",
                  storage.read(
                      ase.sessionId(),
                      reads ->
                          GrantSpending.windows(
                              reads.spending(), grant.id(), limits, now, counting)));
              GrantSpending.nextWindow(limits, now, counting)
                  .ifPresent(next -> view.put("nextWindowStart", next.start()));
            });
    return view;
  }

  private static Map<String, Object> token(SessionAse ase, TokenRecord token, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("value", OpaqueValues.mask(token.value()));
    view.put("manage", TokenService.manageUrl(ase, token));
    view.put("state", token.state().wireName());
    view.put("issuedAt", token.issuedAt());
    view.put("expiresAt", token.expiresAt());
    view.put("expired", token.expiredAt(now));
    token.endedAtIfAny().ifPresent(t -> view.put("endedAt", t));
    return view;
  }
}
