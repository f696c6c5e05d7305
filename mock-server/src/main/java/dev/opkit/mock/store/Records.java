package dev.opkit.mock.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers that keep the store's records immutable. */
final class Records {
  private Records() {}

  /**
   * A client's metadata as an unmodifiable map in its original order (JSON may hold nulls, which
   * {@code Map.copyOf} refuses); null stays null.
   */
  static Map<String, Object> frozen(Map<String, Object> metadata) {
    if (metadata == null) {
      return null;
    }
    if (metadata.getClass() == UNMODIFIABLE) {
      return metadata;
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  private static final Class<?> UNMODIFIABLE =
      Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();
}
