package dev.opkit.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Names the current JSON token for error messages ("the JSON number 2500"). */
public final class JsonTokens {
  private JsonTokens() {}

  /** A short phrase naming the parser's current token and, for scalars, its text. */
  public static String describe(JsonParser p) throws IOException {
    if (p.currentToken() == null) {
      return "nothing";
    }
    switch (p.currentToken()) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the JSON number " + p.getText();
      case VALUE_STRING:
        return "the JSON string \"" + p.getText() + "\"";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "the JSON boolean " + p.getText();
      case VALUE_NULL:
        return "null";
      case START_OBJECT:
        return "a JSON object";
      case START_ARRAY:
        return "a JSON array";
      default:
        return "the token " + p.currentToken();
    }
  }
}
