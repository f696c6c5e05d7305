package dev.opkit.mock.auth;

import dev.opkit.mock.auth.continuation.ContinuationService;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.http.SignedMessages;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.protocol.signature.HttpMessage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The JSON endpoints of a provider's GNAP auth server (auth-server spec 1.3.0) under {@code
 * {origin}/auth}: the grant endpoint itself, continuation and token management, each with or
 * without a trailing slash. Parse, call the service, render.
 */
public final class AuthRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final GrantService grants;
  private final ContinuationService continuations;
  private final TokenService tokens;

  public AuthRoutes(
      SessionRouting routing,
      GrantService grants,
      ContinuationService continuations,
      TokenService tokens) {
    this.routing = routing;
    this.grants = grants;
    this.continuations = continuations;
    this.tokens = tokens;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    // Each path also with a trailing slash, as Rafiki's router matches it; the signature covers
    // the URL as sent, slash included.
    for (String slash : new String[] {"", "/"}) {
      routes.post("/auth" + slash, JsonHandler.of(this::grantRequest));
      routes.post("/auth/continue/{id}" + slash, JsonHandler.of(this::continueGrant));
      routes.delete("/auth/continue/{id}" + slash, JsonHandler.of(this::cancelGrant));
      routes.post("/auth/token/{id}" + slash, JsonHandler.of(this::rotateToken));
      routes.delete("/auth/token/{id}" + slash, JsonHandler.of(this::revokeToken));
    }
  }

  private void grantRequest(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    HttpMessage message = message(ctx, ase);
    ctx.json(grants.request(ase, message, JsonRequests.json(ctx)));
  }

  private void continueGrant(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    HttpMessage message = message(ctx, ase);
    ctx.json(
        continuations.continueGrant(
            ase,
            ctx.pathParam("id"),
            ctx.header("Authorization"),
            message,
            JsonRequests.json(ctx)));
  }

  private void cancelGrant(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    continuations.cancel(ase, ctx.pathParam("id"), ctx.header("Authorization"), message(ctx, ase));
    ctx.status(204);
  }

  private void rotateToken(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    HttpMessage message = message(ctx, ase);
    JsonRequests.json(ctx);
    ctx.json(
        Map.of(
            "access_token",
            tokens.rotate(ase, ctx.pathParam("id"), ctx.header("Authorization"), message)));
  }

  private void revokeToken(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    tokens.revoke(ase, ctx.pathParam("id"), ctx.header("Authorization"), message(ctx, ase));
    ctx.status(204);
  }

  private static HttpMessage message(Context ctx, SessionAse ase) {
    return SignedMessages.of(ctx, ase.ase().publicBase());
  }
}
