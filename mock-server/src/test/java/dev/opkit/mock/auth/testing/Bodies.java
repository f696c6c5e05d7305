package dev.opkit.mock.auth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.CompactJson;
import dev.opkit.protocol.json.Json;

/** Request bodies for tests: readable text blocks in, the compact JSON a client must send out. */
public final class Bodies {
  private Bodies() {}

  /** {@code JSON.stringify(JSON.parse(text))}, with {@code %s} placeholders filled first. */
  public static String json(String text, Object... args) {
    JsonNode tree = Json.read(args.length == 0 ? text : text.formatted(args), JsonNode.class);
    return CompactJson.stringify(tree);
  }
}
