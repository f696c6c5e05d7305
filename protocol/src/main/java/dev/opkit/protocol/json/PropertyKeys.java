package dev.opkit.protocol.json;

/** JavaScript's notion of an array-index property key, which decides property order. */
final class PropertyKeys {
  /** 2^32 - 2, the largest array index (ECMA-262 §6.1.7). */
  private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

  private PropertyKeys() {}

  /**
   * True for the canonical decimal form of an integer 0 … 2^32-2 ("0", "7", "42"; not "07", "-1",
   * "1.0" or "4294967295"). Ordinary objects list such keys first, in ascending numeric order.
   */
  static boolean isArrayIndex(String key) {
    int length = key.length();
    if (length == 0 || length > 10) {
      return false;
    }
    if (length > 1 && key.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= MAX_ARRAY_INDEX;
  }
}
