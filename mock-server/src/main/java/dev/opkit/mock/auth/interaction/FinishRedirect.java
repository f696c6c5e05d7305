package dev.opkit.mock.auth.interaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The URL the browser returns to the client with (RFC 9635 §4.2.1; PROTOCOL.md §4.2): the client's
 * {@code finish.uri} with parameters appended to its query (an existing query is kept), values
 * form-encoded so that {@code + / =} of a base64 hash arrive intact.
 */
public final class FinishRedirect {
  private FinishRedirect() {}

  /** {@code uri} plus {@code parameters}, in their order, before any fragment. */
  public static String to(String uri, Map<String, String> parameters) {
    int hash = uri.indexOf('#');
    String base = hash < 0 ? uri : uri.substring(0, hash);
    String fragment = hash < 0 ? "" : uri.substring(hash);
    String query =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String separator =
        base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    return base + separator + query + fragment;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
