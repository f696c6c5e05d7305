package dev.opkit.mock.http;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.profile.BehaviourProfile.ResourceErrorCodes;
import dev.opkit.mock.store.UnknownSessionException;
import dev.opkit.protocol.ProtocolException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: every refusal is the protocol's JSON error body, never an
 * HTML page, an empty body or a stack trace. On the resource server the {@code code} follows the
 * provider's behaviour profile; under {@code /admin} and {@code /auth} it is always the name. With
 * the profile's {@code rafikiSchemaErrors}, a request that breaks its operation's description is
 * answered as Rafiki's validator answers it: its description, no {@code details}, and no {@code
 * code} on the auth server (the status as {@code code} on the wallet address and resource servers);
 * the admin API, which Rafiki has not, keeps its own errors.
 */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  /**
   * The request attribute that holds the error's name ({@link ApiException#code}) once an error was
   * rendered, for the record of the client's exchanges.
   */
  public static final String ERROR_CODE_ATTRIBUTE = "opkit.errorCode";

  private final ResourceErrorCodes resourceErrorCodes;
  private final boolean rafikiSchemaErrors;

  public HttpErrors(BehaviourProfile profile) {
    this.resourceErrorCodes = profile.resourceErrorCodes();
    this.rafikiSchemaErrors = profile.rafikiSchemaErrors();
  }

  /** Registers the exception handlers on a Javalin route table. */
  public void install(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
    routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, translate(ctx, e)));
    // A session deleted while one of its requests was under way.
    routes.exception(
        UnknownSessionException.class,
        (e, ctx) ->
            render(
                ctx,
                (isAuthServer(ctx) ? ApiError.UNKNOWN_SESSION_AT_AUTH : ApiError.UNKNOWN_SESSION)
                    .exception(e.session())));
    // The protocol module's parse and validation failures say what the client must fix.
    routes.exception(
        ProtocolException.class, (e, ctx) -> render(ctx, ApiException.badRequest(e.getMessage())));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected error on {} {}", ctx.method(), RequestPaths.sent(ctx), e);
          render(
              ctx,
              new ApiException(
                  500,
                  ErrorCodes.INTERNAL_ERROR,
                  "the sandbox failed unexpectedly; its log has the details"));
        });
  }

  /** Writes an error response. */
  public void render(Context ctx, ApiException e) {
    ctx.attribute(ERROR_CODE_ATTRIBUTE, e.code());
    e.headers().forEach(ctx::header);
    if (rafikiSchemaErrors
        && e instanceof RequestSchemaException schema
        && !ctx.path().startsWith("/admin")) {
      renderAsRafiki(ctx, schema);
      return;
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", codeFor(ctx, e));
    error.put("description", e.description());
    if (!e.details().isEmpty()) {
      error.put("details", e.details());
    }
    ctx.status(e.status()).json(Map.of("error", error));
  }

  private static void renderAsRafiki(Context ctx, RequestSchemaException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    if (!isAuthServer(ctx)) {
      error.put("code", Integer.toString(e.status()));
    }
    error.put("description", e.rafikiDescription());
    ctx.status(e.status()).json(Map.of("error", error));
  }

  private static boolean isAuthServer(Context ctx) {
    return ctx.path().startsWith("/auth");
  }

  private String codeFor(Context ctx, ApiException e) {
    String path = ctx.path();
    boolean named =
        path.startsWith("/admin")
            || path.startsWith("/auth")
            || resourceErrorCodes == ResourceErrorCodes.NAMED;
    return named ? e.code() : Integer.toString(e.status());
  }

  private static ApiException translate(Context ctx, HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 ->
          new ApiException(
              404,
              ErrorCodes.NOT_FOUND,
              "nothing here: "
                  + ctx.method()
                  + " "
                  + RequestPaths.sent(ctx)
                  + " is not a route of this server");
      case 405 ->
          new ApiException(
              405,
              ErrorCodes.METHOD_NOT_ALLOWED,
              ctx.method() + " is not allowed on " + RequestPaths.sent(ctx) + allowed(e));
      case 413 ->
          new ApiException(
              413,
              ErrorCodes.PAYLOAD_TOO_LARGE,
              "request bodies are limited to " + JsonRequests.MAX_BODY_BYTES + " bytes (1 MB)");
      default ->
          new ApiException(
              e.getStatus() >= 400 ? e.getStatus() : 500,
              e.getStatus() == 400 ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INTERNAL_ERROR,
              e.getMessage() == null ? "request refused" : e.getMessage());
    };
  }

  private static String allowed(HttpResponseException e) {
    String methods = e.getDetails().get("availableMethods");
    return methods == null ? "" : "; allowed: " + methods;
  }
}
