package dev.opkit.mock.http;

/**
 * The snake_case error names the sandbox uses outside GNAP (the resource-server spec only shows
 * {@code invalid_request}; the others follow its style). GNAP codes come from the protocol module.
 */
public final class ErrorCodes {
  public static final String INVALID_REQUEST = "invalid_request";
  public static final String INVALID_AMOUNT = "invalid_amount";
  public static final String INVALID_RECEIVER = "invalid_receiver";
  public static final String INVALID_QUOTE = "invalid_quote";
  public static final String UNKNOWN_QUOTE = "unknown_quote";
  public static final String UNAUTHORIZED = "unauthorized";
  public static final String FORBIDDEN = "forbidden";
  public static final String LIMIT_EXCEEDED = "limit_exceeded";
  public static final String NOT_FOUND = "not_found";
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  public static final String NOT_ACCEPTABLE = "not_acceptable";
  public static final String MISDIRECTED_REQUEST = "misdirected_request";
  public static final String CROSS_SITE_REQUEST = "cross_site_request";
  public static final String CONFLICT = "conflict";
  public static final String WRONG_STATE = "wrong_state";
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  public static final String INTERNAL_ERROR = "internal_error";

  private ErrorCodes() {}
}
