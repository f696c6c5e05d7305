package dev.opkit.mock.auth;

import dev.opkit.mock.auth.continuation.ContinuationService;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.http.SignedMessages;
import dev.opkit.mock.sandbox.Ase;
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
  private final Ase ase;
  private final GrantService grants;
  private final ContinuationService continuations;
  private final TokenService tokens;

  public AuthRoutes(
      Ase ase, GrantService grants, ContinuationService continuations, TokenService tokens) {
    this.ase = ase;
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
    HttpMessage message = message(ctx);
    ctx.json(grants.request(ase, message, JsonRequests.json(ctx)));
  }

  private void continueGrant(Context ctx) {
    HttpMessage message = message(ctx);
    ctx.json(
        continuations.continueGrant(
            ase,
            ctx.pathParam("id"),
            ctx.header("Authorization"),
            message,
            JsonRequests.json(ctx)));
  }

  private void cancelGrant(Context ctx) {
    continuations.cancel(ase, ctx.pathParam("id"), ctx.header("Authorization"), message(ctx));
    ctx.status(204);
  }

  private void rotateToken(Context ctx) {
    HttpMessage message = message(ctx);
    JsonRequests.json(ctx);
    var rotated = tokens.rotate(ase, ctx.pathParam("id"), ctx.header("Authorization"), message);
    ctx.json(Map.of("access_token", tokens.view(rotated)));
  }

  private void revokeToken(Context ctx) {
    tokens.revoke(ase, ctx.pathParam("id"), ctx.header("Authorization"), message(ctx));
    ctx.status(204);
  }

  private HttpMessage message(Context ctx) {
    return SignedMessages.of(ctx, ase.publicBase());
  }
}
