package dev.opkit.conformance.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.exchange.Exchange;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.openapi.OpenApiSpecs;
import dev.opkit.protocol.openapi.SchemaValidator;
import dev.opkit.protocol.openapi.SchemaViolation;
import dev.opkit.protocol.openapi.Spec;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a raw answer against the Open Payments 1.3.0 OpenAPI documents, read from the wire rather
 * than through the client's records, so that a model bug cannot hide on both sides. One validator,
 * compiled once, shared by every scenario and by the reference client.
 */
public final class SpecConformance {
  private static final SchemaValidator VALIDATOR = SchemaValidator.create();
  private static final OpenApiSpecs SPECS = OpenApiSpecs.bundled();

  private SpecConformance() {}

  /** The shared validator. */
  public static SchemaValidator validator() {
    return VALIDATOR;
  }

  /**
   * What in the exchange's answer breaks the schema of its operation and status.
   *
   * @throws IllegalArgumentException when the exchange got no answer or names no known operation
   */
  public static List<SchemaViolation> violations(Exchange exchange) {
    if (exchange.response() == null) {
      throw new IllegalArgumentException(
          exchange.request().requestLine() + " got no answer: " + exchange.transportFailure());
    }
    Spec spec = specOf(exchange.operationId());
    String body = exchange.response().body();
    JsonNode json = body.isBlank() ? null : Json.read(body, JsonNode.class);
    return VALIDATOR.validateResponseBody(
        spec, exchange.operationId(), exchange.response().status(), json);
  }

  private static Spec specOf(String operationId) {
    return Arrays.stream(Spec.values())
        .filter(spec -> SPECS.operation(spec, operationId).isPresent())
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no Open Payments operation " + operationId));
  }
}
