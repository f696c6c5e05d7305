package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What consent pages do without a person. */
public enum AutoConsent {
  /** Nothing: a person (or a consent driver) decides on the page. */
  OFF,
  /** Every interactive grant is accepted at once. */
  ACCEPT,
  /** Every interactive grant is rejected at once. */
  REJECT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static AutoConsent fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
