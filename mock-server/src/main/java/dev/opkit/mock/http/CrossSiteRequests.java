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
   * How the request shows it came from a page of another origin, e.g. {@code "the request came from
   * a web page of another origin (Origin: https://x.example)"}, or null when it did not.
   */
  public static String foreignReason(Context ctx, OwnOrigins origins) {
    String origin = ctx.header("Origin");
    if (origin != null) {
      return origins.isOwn(origin)
          ? null
          : "the request came from a web page of another origin (Origin: " + origin + ")";
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null
        && !SAFE_METHODS.contains(ctx.method().name())
        && FOREIGN_SITES.contains(site.trim().toLowerCase(Locale.ROOT))) {
      return "the browser sent the request for a page of another site (Sec-Fetch-Site: "
          + site
          + ")";
    }
    return null;
  }

  /**
   * Refuses a request from a page of another origin.
   *
   * @param what names the part of the sandbox, e.g. "the admin API", for the message
   * @throws ApiException 403 {@code cross_site_request}
   */
  public static void refuseForeign(Context ctx, OwnOrigins origins, String what) {
    String reason = foreignReason(ctx, origins);
    if (reason != null) {
      throw new ApiException(
          403,
          ErrorCodes.CROSS_SITE_REQUEST,
          what
              + " takes no requests from web pages of other sites, and "
              + reason
              + ": a page you visit must not be able to change the sandbox");
    }
  }
}
