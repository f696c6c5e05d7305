package dev.opkit.client.error;

import dev.opkit.protocol.gnap.GnapErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status (RFC 9635 §3.6 for the authorization server; the
 * resource server's {@code error-response}). Carries the status, the error {@code code} and {@code
 * description} when the body had them, any {@code details}, and the raw body.
 */
public final class ApiErrorException extends OpenPaymentsException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String description;
  private final transient Map<String, Object> details;
  private final String body;
  private final Duration retryAfter;

  /**
   * An error answer.
   *
   * @param code the error object's {@code code} (a GNAP code, or the status as text on Rafiki's
   *     resource server), or null when the body had none
   * @param description the error object's {@code description}, or null
   * @param details the error object's {@code details}, or null
   * @param body the raw response body, possibly empty
   */
  public ApiErrorException(
      String method,
      String url,
      int status,
      String code,
      String description,
      Map<String, Object> details,
      String body) {
    this(method, url, status, code, description, details, body, null);
  }

  /**
   * An error answer that said when to try again.
   *
   * @param retryAfter what its {@code Retry-After} header said (RFC 9110 §10.2.3), or null
   */
  public ApiErrorException(
      String method,
      String url,
      int status,
      String code,
      String description,
      Map<String, Object> details,
      String body,
      Duration retryAfter) {
    super(method, url, summary(status, code, description, body), null);
    this.retryAfter = retryAfter;
    this.status = status;
    this.code = code;
    this.description = description;
    this.details = details == null ? Map.of() : details;
    this.body = body == null ? "" : body;
  }

  private static String summary(int status, String code, String description, String body) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    // Rafiki's resource server puts the status itself in the code; "HTTP 404 404" says nothing
    // more.
    if (code != null && !code.equals(String.valueOf(status))) {
      text.append(' ').append(code);
    }
    if (description != null) {
      text.append(": ").append(description);
    } else if (body != null && !body.isBlank()) {
      text.append(": ").append(body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
    return text.toString();
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The error object's {@code code}, when the body had one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The code as a GNAP error code, when it is one (authorization server errors). */
  public Optional<GnapErrorCode> gnapCode() {
    return code().flatMap(GnapErrorCode::fromCode);
  }

  /** Whether the code is the given GNAP code. */
  public boolean is(GnapErrorCode gnapCode) {
    return gnapCode().filter(gnapCode::equals).isPresent();
  }

  /** The error object's {@code description}, when the body had one. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** The error object's {@code details}; empty when there were none. */
  public Map<String, Object> details() {
    return details;
  }

  /** The raw response body. */
  public String body() {
    return body;
  }

  /** How long the server asked to wait before trying again ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
