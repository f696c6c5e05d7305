package dev.opkit.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a Jackson tree as ECMAScript's {@code JSON.stringify} (ECMA-262 §25.5.2) writes the
 * equivalent JavaScript value: no whitespace, every number as a JavaScript Number, strings escaped
 * by QuoteJSONString, object keys in JavaScript property order (array-index keys ascending first,
 * then the others in insertion order).
 */
final class JsStringifier {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsStringifier() {}

  static String stringify(JsonNode node) {
    return stringify(node, 16);
  }

  /**
   * As {@link #stringify(JsonNode)}, into a buffer of {@code expectedLength} first: a compact body
   * stringifies to its own length, so checking one grows no buffer.
   */
  static String stringify(JsonNode node, int expectedLength) {
    StringBuilder out = new StringBuilder(Math.max(16, expectedLength));
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT:
        writeObject(node, out);
        break;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
        break;
      case STRING:
        quote(node.textValue(), out);
        break;
      case NUMBER:
        out.append(JsNumbers.format(toDouble(node)));
        break;
      case BOOLEAN:
        out.append(node.booleanValue());
        break;
      case NULL:
        out.append("null");
        break;
      case BINARY:
        quote(node.asText(), out);
        break;
      default:
        throw new IllegalArgumentException(
            "cannot write a " + node.getNodeType() + " node as JSON text");
    }
  }

  /** A JavaScript Number holds a double: big or precise Java numbers round as JSON.parse would. */
  private static double toDouble(JsonNode number) {
    if (number.isDouble() || number.isFloat() || number.isInt() || number.isShort()) {
      return number.doubleValue();
    }
    return Double.parseDouble(number.asText());
  }

  private static void writeObject(JsonNode node, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : inPropertyOrder(node)) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
    }
    out.append('}');
  }

  private static Iterable<Map.Entry<String, JsonNode>> inPropertyOrder(JsonNode node) {
    if (!hasArrayIndexKey(node)) {
      // The usual object: JavaScript keeps the insertion order, so no lists to sort.
      return node.properties();
    }
    List<Map.Entry<String, JsonNode>> indexKeys = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> otherKeys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      (PropertyKeys.isArrayIndex(member.getKey()) ? indexKeys : otherKeys).add(member);
    }
    indexKeys.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
    indexKeys.addAll(otherKeys);
    return indexKeys;
  }

  private static boolean hasArrayIndexKey(JsonNode node) {
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (PropertyKeys.isArrayIndex(member.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** ECMA-262 QuoteJSONString, including the well-formed escaping of lone surrogates (ES2019). */
  static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            unicodeEscape(c, out);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(c, out);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
