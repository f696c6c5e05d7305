package dev.opkit.mock.dashboard;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The dashboard for people on each provider's origin: the page at {@code GET /} and its files under
 * {@code /dashboard/...}. It is a static front end that does everything through the admin JSON API
 * of the origin it is served from, so it runs no rule of its own. Served with headers that keep it
 * to its own origin: scripts, styles and requests only from {@code 'self'}, no framing, no
 * sniffing, no referrer; revalidated on every load (entity tags), since file names carry no hash.
 */
public final class DashboardRoutes implements RouteGroup {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final DashboardAssets assets;

  /**
   * @param assets the dashboard's files, one set for the whole sandbox
   */
  public DashboardRoutes(DashboardAssets assets) {
    this.assets = assets;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/", ctx -> serve(ctx, "index.html"));
    routes.get("/dashboard/<path>", ctx -> serve(ctx, ctx.pathParam("path")));
  }

  private void serve(Context ctx, String path) {
    DashboardAssets.Asset asset =
        assets
            .find(path)
            .orElseThrow(() -> ApiException.notFound("the dashboard has no file " + path));
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }
}
