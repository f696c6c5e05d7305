package dev.opkit.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** Builds resource server URLs the way the Node SDK does. */
final class Urls {
  private Urls() {}

  /** {@code {resourceServer}/{path}}, without doubling a trailing slash. */
  static String under(String base, String path) {
    return (base.endsWith("/") ? base : base + "/") + path;
  }

  /**
   * The URL with a query string of the given parameters (null values left out), each key and value
   * form-encoded as JavaScript's {@code URLSearchParams} does ({@code :} → {@code %3A}, {@code /} →
   * {@code %2F}).
   */
  static String withQuery(String url, Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&");
    parameters.forEach(
        (key, value) -> {
          if (value != null) {
            query.add(encode(key) + "=" + encode(value));
          }
        });
    if (query.length() == 0) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + query;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The list query: {@code wallet-address} then the pagination parameters. */
  static Map<String, String> listQuery(String walletAddress, Pagination pagination) {
    Objects.requireNonNull(walletAddress, "walletAddress");
    Pagination page = pagination == null ? Pagination.DEFAULT : pagination;
    Map<String, String> query = new LinkedHashMap<>();
    query.put("wallet-address", walletAddress);
    query.put("first", page.first() == null ? null : page.first().toString());
    query.put("last", page.last() == null ? null : page.last().toString());
    query.put("cursor", page.cursor());
    return query;
  }
}
