package dev.opkit.client.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the client sent it: the request line, the header fields it set (in order, including
 * {@code Authorization}, {@code Content-Digest}, {@code Signature-Input} and {@code Signature}),
 * the body, and the signature base it signed (RFC 9421 §2.5) when it signed the request. Header
 * fields the HTTP stack adds itself ({@code Host}, {@code Content-Length}, {@code User-Agent}) are
 * not listed.
 *
 * @param method the HTTP method
 * @param url the absolute URL as sent
 * @param headers the header fields the client set
 * @param body the body text, empty when there is none
 * @param signatureBase the signed base, or null for an unsigned request
 */
public record RecordedRequest(
    String method, String url, Map<String, String> headers, String body, String signatureBase) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? "" : body;
  }

  /** The signature base, present when the request was signed. */
  public Optional<String> signature() {
    return Optional.ofNullable(signatureBase);
  }

  /** {@code POST https://wallet.example/incoming-payments}. */
  public String requestLine() {
    return method + " " + url;
  }
}
