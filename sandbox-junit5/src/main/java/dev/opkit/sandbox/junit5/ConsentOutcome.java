package dev.opkit.sandbox.junit5;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the consent page answered a decision: a redirect to the client's finish URI (with {@code
 * interact_ref} and {@code hash}, or {@code result=grant_rejected}), or a page.
 *
 * @param status the HTTP status (303 for a redirect)
 * @param location the redirect's target, or null for a page
 */
public record ConsentOutcome(int status, String location) {

  /** The {@code interact_ref} the client continues with, when the grant was accepted. */
  public Optional<String> interactRef() {
    return query("interact_ref");
  }

  /** The finish {@code hash}, when the grant was accepted. */
  public Optional<String> hash() {
    return query("hash");
  }

  private Optional<String> query(String name) {
    if (location == null) {
      return Optional.empty();
    }
    String query = URI.create(location).getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
