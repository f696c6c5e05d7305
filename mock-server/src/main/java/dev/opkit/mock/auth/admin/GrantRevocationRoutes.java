package dev.opkit.mock.auth.admin;

import dev.opkit.mock.auth.grant.GrantRevocation;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.UnaryOperator;

/**
 * {@code POST /admin/grants/{id}/revoke}: a person revokes a grant and all its tokens, as a user
 * does in a real wallet's list of connected apps; the same revocation as the client's {@code DELETE
 * continue.uri}. Answers the grant as {@code GET /admin/grants/{id}} shows it.
 */
public final class GrantRevocationRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final GrantRevocation revocation;
  private final GrantAdminViews views;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public GrantRevocationRoutes(
      SessionRouting routing,
      GrantRevocation revocation,
      GrantAdminViews views,
      UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.revocation = revocation;
    this.views = views;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/admin/grants/{id}/revoke", guard.apply(this::revoke));
  }

  private void revoke(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String id = ctx.pathParam("id");
    GrantRevocation.Revoked outcome =
        revocation
            .revoke(ase, id)
            .orElseThrow(
                () -> ApiException.notFound("this provider's auth server has no grant " + id));
    if (!outcome.revoked()) {
      throw new ApiException(
          409,
          ErrorCodes.WRONG_STATE,
          "grant " + id + " was revoked already, at " + outcome.grant().changedAt());
    }
    ctx.json(views.detail(ase, outcome.grant()));
  }
}
