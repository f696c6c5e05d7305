package dev.opkit.mock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.openapi.SchemaValidator;
import dev.opkit.protocol.openapi.Spec;
import io.restassured.response.Response;

/**
 * Asserts that a response body matches the official 1.3.0 schema of its operation and status, as
 * the official Node SDK checks every response it receives.
 */
public final class SpecCheck {
  private static final SchemaValidator VALIDATOR = SchemaValidator.create();

  private SpecCheck() {}

  /** The response, after checking it against the resource-server spec. */
  public static Response resource(Response response, String operationId) {
    return check(response, Spec.RESOURCE_SERVER, operationId);
  }

  /** The response, after checking it against the wallet-address-server spec. */
  public static Response wallet(Response response, String operationId) {
    return check(response, Spec.WALLET_ADDRESS_SERVER, operationId);
  }

  /** The response, after checking its body against a component schema of a spec. */
  public static Response schema(Response response, Spec spec, String schemaName) {
    JsonNode body = Json.read(response.asString(), JsonNode.class);
    assertThat(VALIDATOR.validate(spec, schemaName, body))
        .as("body matches the 1.3.0 %s schema: %s", schemaName, body)
        .isEmpty();
    return response;
  }

  private static Response check(Response response, Spec spec, String operationId) {
    JsonNode body = Json.read(response.asString(), JsonNode.class);
    assertThat(VALIDATOR.validateResponseBody(spec, operationId, response.statusCode(), body))
        .as("%s %d response matches the 1.3.0 spec: %s", operationId, response.statusCode(), body)
        .isEmpty();
    return response;
  }
}
