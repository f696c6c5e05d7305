package dev.opkit.mock.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses what a page on another site makes the developer's browser send (cross-site request
 * forgery): a request whose {@code Origin} is not one of the sandbox's own, and, for methods that
 * change something, one that the browser marks {@code Sec-Fetch-Site: cross-site} or {@code
 * same-site} (another port of localhost is the same site but another origin). Requests from
 * programs (curl, SDKs) carry neither header and pass.
 */
public final class CrossSiteRequests {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

  private CrossSiteRequests() {}

  /**
   * Why the request came from a page of another origin, or null when it did not.
   *
   * @param what names the part of the sandbox, e.g. "the admin API", for the message
   */
  public static String foreignReason(Context ctx, OwnOrigins origins, String what) {
    String origin = ctx.header("Origin");
    if (origin != null) {
      return origins.isOwn(origin)
          ? null
          : what
              + " refuses requests from web pages of other origins (Origin: "
              + origin
              + "): a page you visit must not be able to change the sandbox";
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null
        && !SAFE_METHODS.contains(ctx.method().name())
        && FOREIGN_SITES.contains(site.trim().toLowerCase(Locale.ROOT))) {
      return what
          + " refuses requests a browser sends for another site (Sec-Fetch-Site: "
          + site
          + "): a page you visit must not be able to change the sandbox";
    }
    return null;
  }

  /**
   * Refuses a request from a page of another origin.
   *
   * @throws ApiException 403 {@code cross_site_request}
   */
  public static void refuseForeign(Context ctx, OwnOrigins origins, String what) {
    String reason = foreignReason(ctx, origins, what);
    if (reason != null) {
      throw new ApiException(403, ErrorCodes.CROSS_SITE_REQUEST, reason);
    }
  }
}
