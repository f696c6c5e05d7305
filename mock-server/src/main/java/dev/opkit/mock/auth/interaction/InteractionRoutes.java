package dev.opkit.mock.auth.interaction;

import dev.opkit.mock.http.CrossSiteRequests;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The consent page's URL, {@code {auth}/interact/{id}/{nonce}}: GET shows it, POST takes the
 * decision, which must come from that page (its token, no foreign origin). Answers are HTML pages
 * or 303 redirects, never JSON.
 */
public final class InteractionRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final InteractionService interactions;
  private final OwnOrigins origins;

  /**
   * @param origins the sandbox's own web origins: a decision sent from a page of any other is
   *     refused
   */
  public InteractionRoutes(
      SessionRouting routing, InteractionService interactions, OwnOrigins origins) {
    this.routing = routing;
    this.interactions = interactions;
    this.origins = origins;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/auth/interact/{id}/{nonce}",
        ctx ->
            answer(
                ctx,
                interactions.show(routing.ase(ctx), ctx.pathParam("id"), ctx.pathParam("nonce"))));
    routes.post("/auth/interact/{id}/{nonce}", ctx -> answer(ctx, decide(ctx)));
  }

  private InteractionOutcome decide(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String foreign = CrossSiteRequests.foreignReason(ctx, origins);
    if (foreign != null) {
      return interactions.refuseCrossSite(ase, foreign);
    }
    return interactions.decide(
        ase,
        ctx.pathParam("id"),
        ctx.pathParam("nonce"),
        ctx.formParam("decision"),
        ctx.formParam(ConsentTokens.FIELD));
  }

  private static void answer(Context ctx, InteractionOutcome outcome) {
    ctx.header("Cache-Control", "no-store");
    // Not no-referrer: browsers then send "Origin: null" with the form, which could not be told
    // from a foreign page. same-origin still keeps the page's URL from the client's finish URI.
    ctx.header("Referrer-Policy", "same-origin");
    // No form-action directive: Chromium applies it to the redirect after the form is submitted,
    // which would strand the person here instead of returning them to the client's finish URI.
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
    if (outcome instanceof InteractionOutcome.Redirect redirect) {
      ctx.status(303).header("Location", redirect.location());
    } else if (outcome instanceof InteractionOutcome.Page page) {
      ctx.status(page.status()).contentType("text/html; charset=utf-8").result(page.html());
    }
  }
}
