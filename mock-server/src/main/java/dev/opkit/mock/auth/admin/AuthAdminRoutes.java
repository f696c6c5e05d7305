package dev.opkit.mock.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.AuthSettings;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.journal.RequestJournal;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.GrantRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The auth server's part of the sandbox admin API under {@code {origin}/admin}: grants with their
 * tokens (masked) and spending windows, the request journal, and the auto-consent setting. Every
 * route passes the admin API's guard (enabled, bearer secret).
 */
public final class AuthAdminRoutes implements RouteGroup {
  private static final int MAX_JOURNAL_PAGE = 1000;

  private final SessionRouting routing;
  private final GrantService grants;
  private final GrantAdminViews views;
  private final RequestJournal journal;
  private final AuthSettings settings;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public AuthAdminRoutes(
      SessionRouting routing,
      GrantService grants,
      GrantAdminViews views,
      RequestJournal journal,
      AuthSettings settings,
      UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.grants = grants;
    this.views = views;
    this.journal = journal;
    this.settings = settings;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/grants", guard.apply(this::listGrants));
    routes.get("/admin/grants/{id}", guard.apply(this::getGrant));
    routes.get("/admin/requests", guard.apply(this::requests));
    routes.get("/admin/auto-consent", guard.apply(this::getAutoConsent));
    routes.post("/admin/auto-consent", guard.apply(this::setAutoConsent));
  }

  private void listGrants(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    ctx.json(Map.of("result", grants.all(ase).stream().map(g -> views.summary(ase, g)).toList()));
  }

  private void getGrant(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String id = ctx.pathParam("id");
    GrantRecord grant =
        grants
            .find(ase, id)
            .orElseThrow(
                () -> ApiException.notFound("this provider's auth server has no grant " + id));
    ctx.json(views.detail(ase, grant));
  }

  private void requests(Context ctx) {
    int limit = intQuery(ctx, "limit", 50);
    if (limit < 1 || limit > MAX_JOURNAL_PAGE) {
      throw ApiException.badRequest("'limit' must be from 1 to " + MAX_JOURNAL_PAGE);
    }
    String refused = ctx.queryParam("refused");
    if (refused != null && !refused.equals("true") && !refused.equals("false")) {
      throw ApiException.badRequest("'refused' must be true or false, got '" + refused + "'");
    }
    ctx.json(
        Map.of(
            "capacity",
            journal.capacity(),
            "result",
            journal.recent(routing.ase(ctx), limit, "true".equals(refused))));
  }

  private void getAutoConsent(Context ctx) {
    ctx.json(Map.of("autoConsent", settings.autoConsent(routing.ase(ctx))));
  }

  private void setAutoConsent(Context ctx) {
    JsonNode body = JsonRequests.requiredJson(ctx);
    JsonNode value = body.get("autoConsent");
    if (!body.isObject() || body.size() != 1 || value == null || !value.isTextual()) {
      throw ApiException.badRequest("send {\"autoConsent\": \"accept\"}, \"reject\" or \"off\"");
    }
    AutoConsent parsed;
    try {
      parsed = AutoConsent.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    ctx.json(Map.of("autoConsent", settings.setAutoConsent(routing.ase(ctx), parsed)));
  }

  private static int intQuery(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' must be a whole number, got '" + value + "'");
    }
  }
}
