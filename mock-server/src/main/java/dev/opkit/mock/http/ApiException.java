package dev.opkit.mock.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal the client should see: an HTTP status, a snake_case error code and a description saying
 * what to fix. Services throw it; one exception mapper renders it as the protocol's error body
 * {@code {"error":{"code":…,"description":…,"details"?:…}}}. On the resource server the rendered
 * {@code code} follows the behaviour profile (the status as a string for Rafiki, this name in the
 * strict profile); the admin and auth APIs always render the name.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;
  private final int status;
  private final String code;
  private final transient Map<String, Object> details;
  private final transient Map<String, String> headers;

  public ApiException(int status, String code, String description) {
    this(status, code, description, Map.of(), Map.of());
  }

  public ApiException(int status, String code, String description, Map<String, ?> details) {
    this(status, code, description, details, Map.of());
  }

  /** An error of the catalogue; {@link ApiError#exception} makes it. */
  ApiException(ApiError error, int status, String description, Map<String, ?> details) {
    this(error, status, error.code(status), description, details, Map.of());
  }

  private ApiException(
      int status,
      String code,
      String description,
      Map<String, ?> details,
      Map<String, String> headers) {
    this(null, status, code, description, details, headers);
  }

  private ApiException(
      ApiError error,
      int status,
      String code,
      String description,
      Map<String, ?> details,
      Map<String, String> headers) {
    super(Objects.requireNonNull(description, "description"));
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
    }
    this.error = error;
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.details = Map.copyOf(details);
    this.headers = Map.copyOf(headers);
  }

  /** This error with one more response header, e.g. {@code WWW-Authenticate}. */
  public ApiException withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiException(error, status, code, getMessage(), details, more);
  }

  /** This error with extra facts for the client under {@code error.details}. */
  public ApiException withDetails(Map<String, ?> more) {
    return new ApiException(error, status, code, getMessage(), more, headers);
  }

  /** The catalogue's entry, when the error was made from one. */
  public Optional<ApiError> error() {
    return Optional.ofNullable(error);
  }

  public int status() {
    return status;
  }

  /** The snake_case name of the error, e.g. {@code invalid_request}. */
  public String code() {
    return code;
  }

  public String description() {
    return getMessage();
  }

  /** Extra facts for the client, e.g. the limit, spent amount and window of a refused payment. */
  public Map<String, Object> details() {
    return details;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** 400 {@code invalid_request}. */
  public static ApiException badRequest(String description) {
    return new ApiException(400, ErrorCodes.INVALID_REQUEST, description);
  }

  /** 404 {@code not_found}. */
  public static ApiException notFound(String description) {
    return new ApiException(404, ErrorCodes.NOT_FOUND, description);
  }
}
