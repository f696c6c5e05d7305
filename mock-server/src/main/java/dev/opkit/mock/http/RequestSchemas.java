package dev.opkit.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.openapi.SchemaValidator;
import dev.opkit.protocol.openapi.SchemaViolation;
import dev.opkit.protocol.openapi.Spec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Checks request bodies against the official 1.3.0 OpenAPI schemas of their operations (through the
 * protocol module's validator), as deployed wallets do: wrong types, missing fields and unknown
 * fields where the spec forbids them are refused with 400 naming each violation.
 */
public final class RequestSchemas {
  private final CompletableFuture<SchemaValidator> validator;

  private RequestSchemas(CompletableFuture<SchemaValidator> validator) {
    this.validator = validator;
  }

  /**
   * Compiles the bundled specs' schemas in the background, so the servers can start listening
   * meanwhile; the first validation waits for them.
   */
  public static RequestSchemas compileInBackground() {
    return new RequestSchemas(CompletableFuture.supplyAsync(SchemaValidator::create));
  }

  /**
   * Refuses a body that breaks the operation's request schema.
   *
   * @throws ApiException 400 listing the violations
   */
  public void validate(Spec spec, String operationId, JsonNode body) {
    List<SchemaViolation> violations =
        validator.join().validateRequestBody(spec, operationId, body);
    if (violations.isEmpty()) {
      return;
    }
    throw new ApiException(
        400,
        ErrorCodes.INVALID_REQUEST,
        "the body does not match the "
            + operationId
            + " schema of the Open Payments 1.3.0 spec: "
            + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; ")),
        Map.of(
            "violations",
            violations.stream()
                .map(
                    v ->
                        Map.of(
                            "location",
                            v.location(),
                            "keyword",
                            v.keyword(),
                            "message",
                            v.message()))
                .toList()));
  }
}
