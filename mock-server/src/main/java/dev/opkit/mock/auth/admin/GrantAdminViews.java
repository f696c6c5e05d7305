package dev.opkit.mock.auth.admin;

import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.grant.Grant;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.token.AccessTokenRecord;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.spending.SpendingLimits;
import dev.opkit.mock.store.Transactions;
import dev.opkit.protocol.interval.WindowCounting;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Grants as the admin API shows them: access, state, client, tokens with their values masked, and
 * for outgoing-payment limits every spending window with its start, end, limit, spent and remaining
 * amounts (from {@link GrantSpending}'s running totals).
 */
public final class GrantAdminViews {
  private final TokenService tokens;
  private final Transactions storage;
  private final Supplier<Session> session;
  private final Clock clock;

  public GrantAdminViews(
      TokenService tokens, Transactions storage, Supplier<Session> session, Clock clock) {
    this.tokens = tokens;
    this.storage = storage;
    this.session = session;
    this.clock = clock;
  }

  /** A grant for the admin list. */
  public Map<String, Object> summary(Grant grant) {
    Instant now = clock.instant();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", grant.id());
    view.put("state", grant.state().wireName());
    view.put("client", grant.client().id());
    grant.clientName().ifPresent(n -> view.put("clientName", n));
    view.put("createdAt", grant.createdAt());
    view.put("changedAt", grant.changedAt());
    view.put("access", grant.access());
    grant.subject().ifPresent(s -> view.put("subject", s));
    grant
        .interaction()
        .ifPresent(
            interaction -> {
              Map<String, Object> about = new LinkedHashMap<>();
              about.put("redirect", GrantService.redirectUrl(grant));
              about.put("expiresAt", interaction.expiresAt());
              about.put("expired", interaction.expiredAt(now));
              if (interaction.finish() != null) {
                about.put("finishUri", interaction.finish().uri());
              }
              view.put("interaction", about);
            });
    view.put("continueUri", grant.continueUri());
    view.put("tokens", tokens.ofGrant(grant).stream().map(t -> token(t, now)).toList());
    return view;
  }

  /**
   * A grant with its spending windows and, for an interval, when the next window starts (what
   * {@code POST /admin/clock {"advanceTo": "next-window"}} moves to; absent after the last).
   */
  public Map<String, Object> detail(Grant grant) {
    Map<String, Object> view = summary(grant);
    Instant now = clock.instant();
    WindowCounting counting = grant.ase().profile().windowCounting();
    grant
        .outgoingPaymentAccess()
        .filter(item -> item.limits() != null)
        .map(item -> SpendingLimits.from(item.limits()))
        .ifPresent(
            limits -> {
              view.put(
                  "windows",
                  storage.read(
                      session.get().id(),
                      reads ->
                          GrantSpending.windows(
                              reads.spending(), grant.id(), limits, now, counting)));
              GrantSpending.nextWindow(limits, now, counting)
                  .ifPresent(next -> view.put("nextWindowStart", next.start()));
            });
    return view;
  }

  private static Map<String, Object> token(AccessTokenRecord token, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("value", OpaqueValues.mask(token.value()));
    view.put("manage", token.manageUrl());
    view.put("state", token.state().wireName());
    view.put("issuedAt", token.issuedAt());
    view.put("expiresAt", token.expiresAt());
    view.put("expired", token.expiredAt(now));
    token.endedAt().ifPresent(t -> view.put("endedAt", t));
    return view;
  }
}
