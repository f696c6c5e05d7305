package dev.opkit.protocol.json;

/**
 * The verdict of {@link CompactJson#check(byte[])}. When the body is not compact, {@code reason}
 * says why, {@code offset} is the first differing byte, and {@code found} / {@code expected} show
 * the body and {@code JSON.stringify(JSON.parse(body))} from there (control characters shown as
 * escapes); {@code reason}, {@code found} and {@code expected} are null and {@code offset} is -1
 * for a compact body. For {@link NonCompactReason#NOT_JSON} {@code offset} is -1, {@code found}
 * null and {@code expected} the parser's message.
 */
public record CompactJsonResult(
    boolean compact, NonCompactReason reason, int offset, String found, String expected) {

  static CompactJsonResult ok() {
    return new CompactJsonResult(true, null, -1, null, null);
  }

  /**
   * One sentence for an error description, naming the trap, e.g. "The body is not compact JSON: it
   * contains whitespace between tokens … (at byte 1: body has '\n "walletAddress"…', JSON
   * .stringify(JSON.parse(body)) has '"walletAddress":"ht…')." Empty for a compact body.
   */
  public String description() {
    if (compact) {
      return "";
    }
    if (reason == NonCompactReason.NOT_JSON) {
      return "The body is not valid JSON: " + expected + ".";
    }
    String why =
        "The body is not the compact JSON that JSON.stringify(JSON.parse(body)) gives, which is"
            + " what Rafiki-based wallets digest, so its Content-Digest will not match there: "
            + reason.explanation();
    if (found == null) {
      return why + ".";
    }
    return why
        + " (at byte "
        + offset
        + ": the body has '"
        + found
        + "', JSON.stringify gives '"
        + expected
        + "').";
  }
}
