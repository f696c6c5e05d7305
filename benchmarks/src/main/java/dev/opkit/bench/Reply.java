package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import java.util.Optional;

/**
 * A server's answer as the benchmark needs it.
 *
 * @param status the HTTP status
 * @param body the body as text
 * @param location the {@code Location} header, if any
 */
record Reply(int status, String body, Optional<String> location) {

  /** The body as JSON. */
  JsonNode json() {
    return Json.read(body, JsonNode.class);
  }

  /** The text at a JSON pointer, e.g. {@code /access_token/value}; fails when it is missing. */
  String text(String pointer) {
    JsonNode node = json().at(pointer);
    if (!node.isTextual()) {
      throw new JourneyFailure("the answer has no text at " + pointer + ": " + abbreviated());
    }
    return node.asText();
  }

  /** The body cut to a readable length for error messages. */
  String abbreviated() {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
