package dev.opkit.protocol.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Gives {@code additionalProperties} written beside a {@code $ref} the meaning its authors meant.
 *
 * <p>The resource server spec says {@code {$ref: incoming-payment, additionalProperties: false}}
 * (complete-incoming-payment's response, list-incoming-payments' items). Read literally as JSON
 * Schema 2020-12, {@code additionalProperties} sees only {@code properties} in its own object,
 * which has none, so it would reject every property and every real response. The Node SDK
 * dereferences with json-schema-ref-parser, which merges such siblings into the referenced schema:
 * "an incoming payment and nothing more". {@code unevaluatedProperties} says exactly that in
 * 2020-12 (it sees the properties the {@code $ref} evaluated), so the validator's copy of the
 * document uses it instead, and the reference stays a reference.
 */
final class RefSiblings {
  private static final String REF = "$ref";
  private static final String ADDITIONAL = "additionalProperties";
  private static final String UNEVALUATED = "unevaluatedProperties";

  private RefSiblings() {}

  /** Rewrites the document in place; pass a copy. */
  static JsonNode mergeIntoReferences(JsonNode document) {
    if (document instanceof ObjectNode object) {
      if (object.has(REF) && object.has(ADDITIONAL) && !object.has(UNEVALUATED)) {
        object.set(UNEVALUATED, object.remove(ADDITIONAL));
      }
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        mergeIntoReferences(member.getValue());
      }
    } else if (document.isArray()) {
      document.forEach(RefSiblings::mergeIntoReferences);
    }
    return document;
  }
}
