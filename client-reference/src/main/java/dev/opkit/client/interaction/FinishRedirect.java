package dev.opkit.client.interaction;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the redirect an authorization server sends the user to when an interaction ends (RFC 9635
 * §4.2.1): {@code hash} and {@code interact_ref} when approved; otherwise no hash, and Rafiki's
 * {@code result} and {@code message} say why. Query values are form-decoded, so a standard-base64
 * hash arrives intact ({@code %2B} → {@code +}).
 */
public final class FinishRedirect {
  private FinishRedirect() {}

  /** The result carried by a finish redirect URL. */
  public static InteractionResult read(URI redirect) {
    return fromQuery(redirect.getRawQuery());
  }

  /** The result carried by a raw (percent-encoded) query string; null means none. */
  public static InteractionResult fromQuery(String rawQuery) {
    Map<String, String> parameters = parameters(rawQuery);
    // Hash alphabets have no space: a "+" sent unencoded was form-decoded into one.
    String hash = parameters.containsKey("hash") ? parameters.get("hash").replace(' ', '+') : null;
    String interactRef = parameters.get("interact_ref");
    if (hash != null && !hash.isEmpty() && interactRef != null && !interactRef.isEmpty()) {
      return new InteractionResult.Approved(interactRef, hash);
    }
    return new InteractionResult.Refused(parameters.get("result"), parameters.get("message"));
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.putIfAbsent(decode(key), decode(value));
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
