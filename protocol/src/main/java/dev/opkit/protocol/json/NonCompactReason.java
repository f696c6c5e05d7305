package dev.opkit.protocol.json;

/**
 * Why a request body differs from {@code JSON.stringify(JSON.parse(body))}, the text a wallet
 * running Rafiki digests instead of the bytes received (PROTOCOL.md §3 and §10). Each constant
 * explains the trap in words a client developer can act on.
 */
public enum NonCompactReason {
  /** Not parseable as JSON at all. */
  NOT_JSON("the body is not valid JSON"),
  /** A byte order mark or bytes that are not UTF-8. */
  ENCODING(
      "the body is not plain UTF-8 (a byte order mark or an invalid byte sequence);"
          + " send UTF-8 without a byte order mark"),
  /** Spaces or line breaks between tokens, e.g. pretty-printed JSON. */
  WHITESPACE(
      "it contains whitespace between tokens (pretty-printed or spaced JSON); send compact JSON"
          + " with no spaces or line breaks outside strings"),
  /** An escape sequence JSON.stringify would not write. */
  ESCAPE(
      "a string uses an escape JSON.stringify would not write (such as \\/ or \\u003d from"
          + " HTML-safe escaping, an escaped printable or non-ASCII character, or upper-case hex);"
          + " escape only \\\" \\\\ and control characters, and write everything else as raw"
          + " UTF-8 (with Gson: disableHtmlEscaping())"),
  /** A number not written as JavaScript's Number#toString writes it. */
  NUMBER_FORMAT(
      "a number is not in JavaScript's form (such as 1.0, 1E5, 1e21 written out, or -0);"
          + " write numbers as JavaScript's Number#toString does"),
  /** Members JavaScript would reorder: integer-like keys come first. */
  KEY_ORDER(
      "an object has integer-like keys (\"0\", \"42\") after other keys or out of ascending"
          + " order; JavaScript lists such keys first, in ascending order"),
  /** A key repeated in one object. */
  DUPLICATE_KEY(
      "an object repeats a key; JSON.parse keeps one member per key, at its first position"
          + " with its last value"),
  /** Differs in a way none of the above names. */
  OTHER("it is not byte-identical to its JavaScript re-serialisation");

  private final String explanation;

  NonCompactReason(String explanation) {
    this.explanation = explanation;
  }

  /** What is wrong and how to fix it, as a sentence fragment. */
  public String explanation() {
    return explanation;
  }
}
