package dev.opkit.mock.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.openapi.SchemaValidator;
import dev.opkit.protocol.openapi.Spec;
import io.restassured.response.Response;

/**
 * Asserts that a response matches the official 1.3.0 schema of its operation and status, as the
 * official Node SDK checks every response.
 */
public final class SpecAssert {
  private static final SchemaValidator VALIDATOR = SchemaValidator.create();

  private SpecAssert() {}

  /** The response, after checking it against the auth-server spec. */
  public static Response auth(Response response, String operationId) {
    return check(response, Spec.AUTH_SERVER, operationId);
  }

  /** The response, after checking it against the resource-server spec. */
  public static Response resource(Response response, String operationId) {
    return check(response, Spec.RESOURCE_SERVER, operationId);
  }

  private static Response check(Response response, Spec spec, String operationId) {
    JsonNode body = Json.read(response.asString(), JsonNode.class);
    assertThat(VALIDATOR.validateResponseBody(spec, operationId, response.statusCode(), body))
        .as("%s %d response matches the 1.3.0 spec: %s", operationId, response.statusCode(), body)
        .isEmpty();
    return response;
  }
}
