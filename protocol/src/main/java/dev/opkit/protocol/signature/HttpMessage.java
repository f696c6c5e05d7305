package dev.opkit.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an HTTP request that a signature can cover (RFC 9421 §2): the method, the target URI
 * exactly as sent (scheme, host and port, path, raw query), the header fields and the body.
 *
 * <p>Header names are lower-cased on construction, so lookups are case-insensitive; repeated names
 * that differ only in case are combined with {@code ", "} as RFC 9421 §2.1 does for repeated
 * fields. A missing or empty body means "no body", as in the Open Payments SDK.
 */
public record HttpMessage(
    String method, String targetUri, Map<String, String> headers, byte[] body) {

  public HttpMessage {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(targetUri, "targetUri");
    headers = normalise(headers == null ? Map.of() : headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /** A message whose body is the UTF-8 encoding of {@code body} ({@code null} for none). */
  public static HttpMessage of(
      String method, String targetUri, Map<String, String> headers, String body) {
    return new HttpMessage(
        method, targetUri, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> normalise(Map<String, String> headers) {
    Map<String, String> lower = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "header name");
          Objects.requireNonNull(value, () -> "value of header " + name);
          lower.merge(name.toLowerCase(Locale.ROOT), value, (first, next) -> first + ", " + next);
        });
    return Collections.unmodifiableMap(lower);
  }

  /** The value of a header field, looked up case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether the header field is present, looked up case-insensitively. */
  public boolean hasHeader(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Whether the message carries a non-empty body. */
  public boolean hasBody() {
    return body.length > 0;
  }

  /** A copy of the body bytes; empty when there is no body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body itself, not a copy, for this package's readers that only read it. */
  byte[] bodyBytes() {
    return body;
  }

  /** This message with {@code added} header fields set, replacing same-named ones. */
  public HttpMessage withHeaders(Map<String, String> added) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    added.forEach((name, value) -> merged.put(name.toLowerCase(Locale.ROOT), value));
    return new HttpMessage(method, targetUri, merged, body);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpMessage that
        && method.equals(that.method)
        && targetUri.equals(that.targetUri)
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, targetUri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "HttpMessage["
        + method
        + " "
        + targetUri
        + ", headers="
        + headers.keySet()
        + ", body="
        + body.length
        + " bytes]";
  }
}
