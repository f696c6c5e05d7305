package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.CrossSiteRequests;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.http.OwnOrigins;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Set;

/**
 * What every request under {@code /admin} must pass before its route runs, whatever its method
 * (HEAD included) or path: it comes from no page of another origin, carries the bearer secret when
 * one is configured, and sends nothing but JSON. The last rule stops the "simple" requests a page
 * may send cross-site without asking (a form, or {@code text/plain}), even from a browser that
 * names no origin: a request that can change something and has a body or a {@code Content-Type}
 * must say {@code application/json}, which no page can send to another origin without a CORS
 * preflight the sandbox never grants.
 */
final class AdminGuard implements Handler {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final OwnOrigins origins;
  private final AdminSecret secret;

  AdminGuard(OwnOrigins origins, AdminSecret secret) {
    this.origins = origins;
    this.secret = secret;
  }

  @Override
  public void handle(Context ctx) {
    CrossSiteRequests.refuseForeign(ctx, origins, "the sandbox's admin API");
    secret.require(ctx.header("Authorization"));
    if (!SAFE_METHODS.contains(ctx.method().name())) {
      requireJsonOrNothing(ctx);
    }
  }

  private static void requireJsonOrNothing(Context ctx) {
    String contentType = ctx.header("Content-Type");
    boolean hasBody =
        ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    if (contentType == null ? !hasBody : isJson(contentType)) {
      return;
    }
    throw new ApiException(
        415,
        ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
        "the admin API takes only application/json (or no body and no Content-Type); the"
            + " request's Content-Type is "
            + (contentType == null ? "missing" : "'" + contentType + "'"));
  }

  private static boolean isJson(String contentType) {
    return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
  }
}
