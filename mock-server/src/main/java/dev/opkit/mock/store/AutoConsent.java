package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the consent page does without a person (a sandbox power for headless CI): {@code off} shows
 * the page, {@code accept} and {@code reject} decide at once and redirect to the client's finish
 * URI.
 */
public enum AutoConsent {
  OFF,
  ACCEPT,
  REJECT;

  /** The wire and config name: {@code off}, {@code accept} or {@code reject}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitive. */
  @JsonCreator
  public static AutoConsent parse(String text) {
    if (text != null) {
      for (AutoConsent value : values()) {
        if (value.wireName().equalsIgnoreCase(text.trim())) {
          return value;
        }
      }
    }
    throw new IllegalArgumentException(
        "auto-consent must be off, accept or reject, got '" + text + "'");
  }
}
