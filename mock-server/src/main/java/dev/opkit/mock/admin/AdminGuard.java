package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.CrossSiteRequests;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.session.Sessions;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Set;

/**
 * What every request under {@code /admin} must pass before its route runs, whatever its method
 * (HEAD included) or path: it comes from no page of another origin, carries the bearer secret when
 * one is configured (under {@code /admin/sessions/{id}} the session's own admin token will do
 * instead), and sends nothing but JSON. The last rule stops the "simple" requests a page may send
 * cross-site without asking (a form, or {@code text/plain}), even from a browser that names no
 * origin: a request that can change something and has a body or a {@code Content-Type} must say
 * {@code application/json}, which no page can send to another origin without a CORS preflight the
 * sandbox never grants.
 */
final class AdminGuard implements Handler {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private static final String BEARER = "Bearer ";

  private final OwnOrigins origins;
  private final AdminSecret secret;
  private final Sessions sessions;

  AdminGuard(OwnOrigins origins, AdminSecret secret, Sessions sessions) {
    this.origins = origins;
    this.secret = secret;
    this.sessions = sessions;
  }

  @Override
  public void handle(Context ctx) {
    CrossSiteRequests.refuseForeign(ctx, origins, "the sandbox's admin API");
    String authorization = ctx.header("Authorization");
    if (!isOwnSessionToken(ctx, authorization)) {
      secret.require(authorization);
    }
    if (!SAFE_METHODS.contains(ctx.method().name())) {
      requireJsonOrNothing(ctx);
    }
  }

  /**
   * Whether the request is for {@code /admin/sessions/{id}…} and carries that session's own admin
   * token, which stands for the secret there and nowhere else.
   */
  private boolean isOwnSessionToken(Context ctx, String authorization) {
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return false;
    }
    return SessionRouting.named(ctx)
        .map(id -> sessions.isAdminToken(id, authorization.substring(BEARER.length())))
        .orElse(false);
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
