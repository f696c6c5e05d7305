package dev.opkit.protocol.openapi;

import java.util.Objects;

/**
 * One way a JSON body breaks its OpenAPI schema (JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 *
 * @param location where in the body, as a JSON path: {@code $} for the body itself, {@code
 *     $.incomingAmount.value} for a member
 * @param keyword the rule broken: a JSON Schema keyword such as {@code required}, {@code type},
 *     {@code additionalProperties}, {@code pattern}, {@code format} or {@code oneOf}; or, for the
 *     body as a whole, {@code requestBody}, {@code responses} or {@code content}
 * @param message what is wrong, for a person to read
 * @param schemaLocation the schema that holds the rule, as IRI and JSON pointer, e.g. {@code
 *     classpath:openapi/resource-server.yaml#/components/schemas/amount/properties/value/format}
 */
public record SchemaViolation(
    String location, String keyword, String message, String schemaLocation) {

  /** Rejects missing parts. */
  public SchemaViolation {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(schemaLocation, "schemaLocation");
  }

  /** {@code <location> <keyword>: <message>}, e.g. {@code $ required: required property ...}. */
  @Override
  public String toString() {
    return location + " " + keyword + ": " + message;
  }
}
