package dev.opkit.mock.http;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.protocol.gnap.GnapErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Every error the sandbox answers with, once: its HTTP status (fixed, or the behaviour profile's
 * choice), its code (a GNAP code from RFC 9635 §3.6 on the auth server, a snake_case name
 * elsewhere) and the template of its description ({@link String#format}; {@code %s} alone where the
 * refusing rule words the whole description). Services name an entry; {@link HttpErrors} renders
 * it, putting the status instead of the name into the resource server's {@code error.code} when the
 * profile says so ({@link #wireCode}).
 */
public enum ApiError {
  // Any surface: what the HTTP layer and request reading refuse.
  INVALID_REQUEST(400, "invalid_request", "%s"),
  NOT_FOUND(404, "not_found", "%s"),
  NO_ROUTE(404, "not_found", "nothing here: %s %s is not a route of this server"),
  UNKNOWN_SESSION(
      404,
      "not_found",
      "there is no session %s on this sandbox: it was never made, or it was deleted"),
  METHOD_NOT_ALLOWED(405, "method_not_allowed", "%s is not allowed on %s%s"),
  NOT_ACCEPTABLE(
      406,
      "not_acceptable",
      "this server answers with application/json, but the request's Accept header is '%s'"),
  PAYLOAD_TOO_LARGE(413, "payload_too_large", "request bodies are limited to %s bytes (1 MB)"),
  UNSUPPORTED_MEDIA_TYPE(
      415,
      "unsupported_media_type",
      "send the body as application/json; the request's Content-Type is %s"),
  INTERNAL_ERROR(500, "internal_error", "the sandbox failed unexpectedly; its log has the details"),
  NOT_IMPLEMENTED(500, "not_implemented", "%s"),

  // The admin API.
  ADMIN_UNAUTHORIZED(401, "unauthorized", "%s"),
  CONFLICT(409, "conflict", "%s"),
  TOO_MANY_SESSIONS(
      429,
      "too_many_sessions",
      "this sandbox holds %s sessions, its limit; delete one (DELETE /admin/sessions/{id}) or"
          + " start the sandbox with a higher admin.maxSessions"),

  // The GNAP auth server.
  GRANT_INVALID_REQUEST(400, GnapErrorCode.INVALID_REQUEST, "%s"),
  /** A grant request to a session that does not exist: Rafiki's answer for an unknown tenant. */
  UNKNOWN_SESSION_AT_AUTH(
      404,
      GnapErrorCode.INVALID_REQUEST,
      "there is no session %s on this sandbox: it was never made, or it was deleted"),
  /** The client cannot be accepted or its keys not be read: no signature was checked. */
  INVALID_CLIENT(400, GnapErrorCode.INVALID_CLIENT, "%s"),
  /** The request's signature or credential does not authenticate the client. */
  UNAUTHENTICATED_CLIENT(401, GnapErrorCode.INVALID_CLIENT, "%s"),
  UNKNOWN_CONTINUATION(401, GnapErrorCode.INVALID_CONTINUATION, "%s"),
  WRONG_INTERACT_REF(404, GnapErrorCode.INVALID_CONTINUATION, "%s"),
  TOO_FAST(
      400,
      GnapErrorCode.TOO_FAST,
      "continued too fast: wait %s s (continue.wait) after the grant response or the previous"
          + " continuation; the next one is allowed at %s (sandbox clock now %s)"),
  REQUEST_DENIED(401, GnapErrorCode.REQUEST_DENIED, "%s"),
  UNKNOWN_ROTATION(404, GnapErrorCode.INVALID_ROTATION, "no access token is managed at %s"),
  EXPIRED_ROTATION(400, GnapErrorCode.INVALID_ROTATION, "%s"),

  // The resource server's access decision.
  TOKEN_REQUIRED(401, "unauthorized", "this request needs an access token of %s: %s"),
  INACTIVE_TOKEN(BehaviourProfile::inactiveTokenStatus, "invalid_token", "%s"),
  INSUFFICIENT_ACCESS(403, "insufficient_access", "%s"),

  // The resource server's resources.
  UNKNOWN_RESOURCE(BehaviourProfile::unknownResourceStatus, null, "%s"),
  OTHER_CLIENTS_RESOURCE(404, "not_found", "%s was created by another client"),
  INVALID_AMOUNT(400, "invalid_amount", "%s"),
  INVALID_RECEIVER(400, "invalid_receiver", "%s"),
  INVALID_QUOTE(400, "invalid_quote", "%s"),
  UNKNOWN_QUOTE(404, "unknown_quote", "there is no quote %s on this resource server"),
  WRONG_STATE(409, "wrong_state", "%s"),
  LIMIT_EXCEEDED(403, "limit_exceeded", "%s");

  /** Which API a request is answered by: it decides the form of {@code error.code}. */
  public enum Surface {
    /** The resource server and the wallet address server: the profile decides. */
    RESOURCE,
    /** The GNAP auth server: always the code's name. */
    AUTH,
    /** The admin API: always the code's name. */
    ADMIN;

    /** The surface of a request path: {@code /admin…}, {@code /auth…}, else the resource server. */
    public static Surface of(String path) {
      if (path.startsWith("/admin")) {
        return ADMIN;
      }
      return path.startsWith("/auth") ? AUTH : RESOURCE;
    }
  }

  private final int status;
  private final ToIntFunction<BehaviourProfile> statusByProfile;
  private final String code;
  private final String template;

  ApiError(int status, String code, String template) {
    this(status, null, code, template);
  }

  ApiError(int status, GnapErrorCode code, String template) {
    this(status, null, code.code(), template);
  }

  ApiError(ToIntFunction<BehaviourProfile> statusByProfile, String code, String template) {
    this(0, statusByProfile, code, template);
  }

  ApiError(
      int status, ToIntFunction<BehaviourProfile> statusByProfile, String code, String template) {
    this.status = status;
    this.statusByProfile = statusByProfile;
    this.code = code;
    this.template = template;
  }

  /** Whether the behaviour profile chooses this error's status. */
  public boolean statusFollowsProfile() {
    return statusByProfile != null;
  }

  /** The status under a profile. */
  public int status(BehaviourProfile profile) {
    return statusByProfile == null ? status : statusByProfile.applyAsInt(profile);
  }

  /**
   * The code's name for a status: {@link #UNKNOWN_RESOURCE} is {@code not_found} as a 404 and
   * {@code unauthorized} as a 401 (Rafiki looks the resource up before checking the token).
   */
  public String code(int answeredStatus) {
    if (code != null) {
      return code;
    }
    return answeredStatus == 404 ? "not_found" : "unauthorized";
  }

  /**
   * What goes into {@code error.code}: the name on the auth server and the admin API, and on the
   * resource server the status as a string unless the profile asks for names.
   */
  public static String wireCode(
      String name, int answeredStatus, Surface surface, BehaviourProfile.ResourceErrorCodes form) {
    boolean named =
        surface != Surface.RESOURCE || form == BehaviourProfile.ResourceErrorCodes.NAMED;
    return named ? name : Integer.toString(answeredStatus);
  }

  /** This error with its description made from the template. */
  public ApiException exception(Object... args) {
    if (statusByProfile != null) {
      throw new IllegalStateException(this + " takes its status from the behaviour profile");
    }
    return new ApiException(this, status, describe(args), Map.of());
  }

  /** This error as the profile has it, with its description made from the template. */
  public ApiException exception(BehaviourProfile profile, Object... args) {
    Objects.requireNonNull(profile, "profile");
    return new ApiException(this, status(profile), describe(args), Map.of());
  }

  /** The description the template makes of {@code args}. */
  public String describe(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
