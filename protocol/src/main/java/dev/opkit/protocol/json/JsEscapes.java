package dev.opkit.protocol.json;

/** Which escape sequences ECMAScript's QuoteJSONString writes (ECMA-262 §25.5.2.3). */
final class JsEscapes {
  private JsEscapes() {}

  /**
   * True if the escape starting at {@code start} (a backslash inside a JSON string) is written
   * exactly so by {@code JSON.stringify}: {@code \" \\ \b \f \n \r \t}, or {@code \}{@code u} with
   * lower-case hex for a control character without a short form or for a lone surrogate.
   */
  static boolean isJsForm(byte[] raw, int start) {
    if (start + 1 >= raw.length) {
      return false;
    }
    switch (raw[start + 1]) {
      case '"':
      case '\\':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return true;
      case 'u':
        return isJsUnicodeEscape(raw, start);
      default:
        return false;
    }
  }

  private static boolean isJsUnicodeEscape(byte[] raw, int start) {
    int value = lowerHex(raw, start);
    if (value < 0) {
      return false;
    }
    if (value < 0x20) {
      return value != '\b' && value != '\f' && value != '\n' && value != '\r' && value != '\t';
    }
    if (Character.isHighSurrogate((char) value)) {
      int next = start + 6;
      return !(isUnicodeEscape(raw, next) && Character.isLowSurrogate((char) anyHex(raw, next)));
    }
    if (Character.isLowSurrogate((char) value)) {
      int previous = start - 6;
      return !(isUnicodeEscape(raw, previous)
          && Character.isHighSurrogate((char) anyHex(raw, previous)));
    }
    return false;
  }

  private static boolean isUnicodeEscape(byte[] raw, int at) {
    return at >= 0 && at + 5 < raw.length && raw[at] == '\\' && raw[at + 1] == 'u';
  }

  /** The four hex digits after {@code \}{@code u}, or -1 unless all are 0-9 or a-f. */
  private static int lowerHex(byte[] raw, int start) {
    if (start + 5 >= raw.length) {
      return -1;
    }
    int value = 0;
    for (int i = start + 2; i < start + 6; i++) {
      int digit = Character.digit(raw[i], 16);
      if (digit < 0 || (raw[i] >= 'A' && raw[i] <= 'F')) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static int anyHex(byte[] raw, int start) {
    int value = 0;
    for (int i = start + 2; i < start + 6; i++) {
      value = value * 16 + Character.digit(raw[i], 16);
    }
    return value;
  }
}
