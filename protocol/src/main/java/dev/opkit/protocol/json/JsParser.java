package dev.opkit.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses JSON text into a Jackson tree with the semantics of ECMAScript's {@code JSON.parse}: every
 * number becomes a double, a repeated key keeps its first position and takes the last value. It
 * also notes where the text's own member order would not survive a JavaScript round trip.
 */
final class JsParser {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** An object whose members JavaScript would reorder or merge, at its opening brace. */
  record Anomaly(NonCompactReason reason, int charOffset) {}

  /** The parsed value and the anomalies found, in text order. */
  record Parsed(JsonNode value, List<Anomaly> anomalies) {}

  private final List<Anomaly> anomalies = new ArrayList<>();

  private JsParser() {}

  /**
   * Parses a whole JSON text; surrounding whitespace is allowed, anything else after the value is
   * not.
   *
   * @throws IOException when the text is not JSON
   */
  static Parsed parse(String text) throws IOException {
    JsParser parser = new JsParser();
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new IOException("the body is empty");
      }
      JsonNode value = parser.value(p);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new IOException(
            "unexpected "
                + trailing
                + " after the JSON value at character "
                + p.currentTokenLocation().getCharOffset());
      }
      return new Parsed(value, List.copyOf(parser.anomalies));
    }
  }

  private JsonNode value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(p));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(Double.parseDouble(p.getText()));
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected " + p.currentToken());
    }
  }

  private JsonNode object(JsonParser p) throws IOException {
    int start = (int) p.currentTokenLocation().getCharOffset();
    ObjectNode object = NODES.objectNode();
    PropertyOrder order = new PropertyOrder();
    boolean duplicate = false;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String key = p.currentName();
      p.nextToken();
      // ObjectNode.replace keeps an existing key where it is, as a JavaScript property assignment
      // does; it answers the value it replaced (a JSON null is a NullNode, not null).
      if (object.replace(key, value(p)) == null) {
        order.add(key);
      } else {
        duplicate = true;
      }
    }
    if (duplicate) {
      anomalies.add(new Anomaly(NonCompactReason.DUPLICATE_KEY, start));
    } else if (order.reordered()) {
      anomalies.add(new Anomaly(NonCompactReason.KEY_ORDER, start));
    }
    return object;
  }

  /**
   * Whether JavaScript's property order (array-index keys first, ascending) differs from the order
   * in which an object's distinct keys came, decided key by key without keeping them.
   */
  private static final class PropertyOrder {
    private boolean seenOther;
    private long lastIndex = -1;
    private boolean reordered;

    void add(String key) {
      if (PropertyKeys.isArrayIndex(key)) {
        long index = Long.parseLong(key);
        if (seenOther || index < lastIndex) {
          reordered = true;
        }
        lastIndex = index;
      } else {
        seenOther = true;
      }
    }

    boolean reordered() {
      return reordered;
    }
  }
}
