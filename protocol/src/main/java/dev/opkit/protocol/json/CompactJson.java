package dev.opkit.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether a request body is exactly {@code JSON.stringify(JSON.parse(body))}. Deployed
 * wallets (Rafiki) compute the {@code Content-Digest} over that re-serialised text instead of the
 * bytes received, so any other form (pretty-printed, HTML-safe escapes, {@code 1.0}) fails there
 * even when its digest is right (PROTOCOL.md §3, §10). The JavaScript rules followed: ECMA-262
 * {@code JSON.parse} (numbers as doubles, a repeated key keeps its first position and its last
 * value) and {@code JSON.stringify} (no whitespace, QuoteJSONString escaping, Number::toString,
 * array-index keys first in ascending order).
 */
public final class CompactJson {
  private static final int SNIPPET_CHARS = 24;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CompactJson() {}

  /**
   * {@code JSON.stringify(JSON.parse(json))}.
   *
   * @throws InvalidJsonException when {@code json} is not JSON
   */
  public static String stringify(String json) {
    try {
      return JsStringifier.stringify(JsParser.parse(json).value());
    } catch (IOException e) {
      throw new InvalidJsonException("", parseProblem(e), e);
    }
  }

  /** What {@code JSON.stringify} writes for the JavaScript equivalent of a Jackson tree. */
  public static String stringify(JsonNode tree) {
    return JsStringifier.stringify(tree);
  }

  /** Checks a body given as text; it is judged as its UTF-8 bytes. */
  public static CompactJsonResult check(String body) {
    return check(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Checks the raw bytes of a body as received. */
  public static CompactJsonResult check(byte[] body) {
    if (startsWithBom(body)) {
      return new CompactJsonResult(
          false, NonCompactReason.ENCODING, 0, snippet(body, 0), "(no byte order mark)");
    }
    boolean ascii = isAscii(body);
    int invalidAt = ascii ? -1 : firstInvalidUtf8(body);
    if (invalidAt >= 0) {
      return new CompactJsonResult(
          false, NonCompactReason.ENCODING, invalidAt, snippet(body, invalidAt), "(UTF-8)");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    JsParser.Parsed parsed;
    try {
      parsed = JsParser.parse(text);
    } catch (IOException e) {
      return new CompactJsonResult(false, NonCompactReason.NOT_JSON, -1, null, parseProblem(e));
    }
    String stringified = JsStringifier.stringify(parsed.value(), body.length);
    if (ascii && sameAscii(body, stringified)) {
      // The usual case, compact and plain ASCII, without encoding the stringified text again.
      return CompactJsonResult.ok();
    }
    byte[] canonical = stringified.getBytes(StandardCharsets.UTF_8);
    int offset = firstDifference(body, canonical);
    if (offset < 0) {
      return CompactJsonResult.ok();
    }
    NonCompactReason reason = classify(body, canonical, offset, text, parsed.anomalies());
    return new CompactJsonResult(
        false, reason, offset, snippet(body, offset), snippet(canonical, offset));
  }

  private static NonCompactReason classify(
      byte[] raw, byte[] canonical, int offset, String text, List<JsParser.Anomaly> anomalies) {
    RawScan scan = RawScan.upTo(raw, offset);
    int c = offset < raw.length ? raw[offset] : -1;
    if (!scan.inString() && isWhitespace(c)) {
      return NonCompactReason.WHITESPACE;
    }
    if (scan.inString()) {
      int escapeStart = scan.escapeStart() >= 0 ? scan.escapeStart() : (c == '\\' ? offset : -1);
      if (escapeStart >= 0 && !JsEscapes.isJsForm(raw, escapeStart)) {
        return NonCompactReason.ESCAPE;
      }
    } else if (numberAtIsNotJsForm(raw, offset)) {
      return NonCompactReason.NUMBER_FORMAT;
    }
    NonCompactReason structural = innermostAnomalyBefore(offset, text, anomalies);
    return structural != null ? structural : NonCompactReason.OTHER;
  }

  private static boolean numberAtIsNotJsForm(byte[] raw, int offset) {
    int start = offset;
    while (start > 0 && isNumberChar(raw[start - 1])) {
      start--;
    }
    int end = start;
    while (end < raw.length && isNumberChar(raw[end])) {
      end++;
    }
    if (end <= offset && !(offset < raw.length && isNumberChar(raw[offset]))) {
      return false;
    }
    String token = new String(raw, start, end - start, StandardCharsets.US_ASCII);
    if (token.isEmpty() || !(token.charAt(0) == '-' || Character.isDigit(token.charAt(0)))) {
      return false;
    }
    return !JsNumbers.format(Double.parseDouble(token)).equals(token);
  }

  /**
   * The reason of the innermost object with an anomaly that starts at or before {@code offset}: the
   * first difference lies inside it. Offsets are converted from chars to UTF-8 bytes in one pass
   * over the text, so a body with many such objects costs linear time.
   */
  private static NonCompactReason innermostAnomalyBefore(
      int offset, String text, List<JsParser.Anomaly> anomalies) {
    // A UTF-8 byte offset is never smaller than the char offset, so later ones cannot qualify.
    List<JsParser.Anomaly> candidates =
        anomalies.stream()
            .filter(a -> a.charOffset() <= offset)
            .sorted(Comparator.comparingInt(JsParser.Anomaly::charOffset))
            .collect(Collectors.toList());
    NonCompactReason found = null;
    int chars = 0;
    int bytes = 0;
    for (JsParser.Anomaly anomaly : candidates) {
      while (chars < anomaly.charOffset()) {
        int codePoint = text.codePointAt(chars);
        bytes += utf8Length(codePoint);
        chars += Character.charCount(codePoint);
      }
      if (bytes > offset) {
        break;
      }
      found = anomaly.reason();
    }
    return found;
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  private static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isNumberChar(int c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  private static boolean startsWithBom(byte[] body) {
    return body.length >= 3
        && body[0] == UTF8_BOM[0]
        && body[1] == UTF8_BOM[1]
        && body[2] == UTF8_BOM[2];
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether ASCII bytes spell exactly the text (which is then ASCII too). */
  private static boolean sameAscii(byte[] body, String text) {
    if (body.length != text.length()) {
      return false;
    }
    for (int i = 0; i < body.length; i++) {
      if (body[i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int firstInvalidUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return in.position();
    }
    return decoder.flush(out).isError() ? in.position() : -1;
  }

  private static int firstDifference(byte[] a, byte[] b) {
    int shorter = Math.min(a.length, b.length);
    for (int i = 0; i < shorter; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return a.length == b.length ? -1 : shorter;
  }

  /** Up to {@value #SNIPPET_CHARS} characters from {@code offset}, control characters escaped. */
  private static String snippet(byte[] bytes, int offset) {
    int start = offset;
    while (start > 0 && start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
      start--;
    }
    if (start >= bytes.length) {
      return "(end of text)";
    }
    // Four bytes per character at most, plus one character's worth of slack.
    int window = Math.min(bytes.length - start, 4 * (SNIPPET_CHARS + 1));
    String rest = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, start, window)).toString();
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < rest.length() && count < SNIPPET_CHARS; i++, count++) {
      char ch = rest.charAt(i);
      if (ch == '\n') {
        out.append("\\n");
      } else if (ch == '\r') {
        out.append("\\r");
      } else if (ch == '\t') {
        out.append("\\t");
      } else if (ch < 0x20 || ch == '\uFEFF') {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    if (count < rest.length() || start + window < bytes.length) {
      out.append('…');
    }
    return out.toString();
  }

  private static String parseProblem(IOException e) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      String where =
          jpe.getLocation() == null
              ? ""
              : " (line "
                  + jpe.getLocation().getLineNr()
                  + ", column "
                  + jpe.getLocation().getColumnNr()
                  + ")";
      return jpe.getOriginalMessage() + where;
    }
    return e.getMessage();
  }

  /** String and escape state of raw JSON bytes just before an offset. */
  private record RawScan(boolean inString, int escapeStart) {
    static RawScan upTo(byte[] raw, int offset) {
      boolean inString = false;
      int escapeStart = -1;
      int escapeEnd = -1;
      for (int i = 0; i < offset; i++) {
        byte b = raw[i];
        if (!inString) {
          inString = b == '"';
        } else if (i >= escapeEnd) {
          if (b == '\\') {
            escapeStart = i;
            escapeEnd = i + (i + 1 < raw.length && raw[i + 1] == 'u' ? 6 : 2);
          } else if (b == '"') {
            inString = false;
          }
        }
      }
      return new RawScan(inString, offset < escapeEnd ? escapeStart : -1);
    }
  }
}
