package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether an access token works (RFC 9635 §6): live, rotated away (a new value replaced it), or
 * revoked. Expiry is not a state: it follows from the session clock.
 */
public enum TokenState {
  LIVE,
  ROTATED,
  REVOKED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
