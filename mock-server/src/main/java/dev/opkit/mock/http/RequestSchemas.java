package dev.opkit.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.protocol.openapi.ApiOperation;
import dev.opkit.protocol.openapi.OpenApiSpecs;
import dev.opkit.protocol.openapi.SchemaValidator;
import dev.opkit.protocol.openapi.SchemaViolation;
import dev.opkit.protocol.openapi.Spec;
import dev.opkit.protocol.signature.HttpMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Checks requests against the official 1.3.0 OpenAPI descriptions of their operations (through the
 * protocol module's validator), as deployed wallets do: wrong types, missing fields and unknown
 * fields where the spec forbids them are refused with 400 naming each violation, and so, when the
 * profile says so, is a missing required header.
 */
public final class RequestSchemas {
  private final CompletableFuture<SchemaValidator> validator = new CompletableFuture<>();
  private final AtomicBoolean compiling = new AtomicBoolean();

  /**
   * Starts compiling the bundled specs' schemas in the background, once; later calls do nothing.
   * The first validation starts it too, and waits for it. The sandbox starts it a moment after its
   * servers listen: compiling while they start competed for the CPUs and made the sandbox ready
   * about 0.7 s later on 2 CPUs.
   */
  public void compileInBackground() {
    if (compiling.compareAndSet(false, true)) {
      validator.completeAsync(SchemaValidator::create);
    }
  }

  /**
   * Refuses a body that breaks the operation's request schema.
   *
   * @throws RequestSchemaException 400 listing the violations
   */
  public void validate(Spec spec, String operationId, JsonNode body) {
    compileInBackground();
    List<SchemaViolation> violations =
        validator.join().validateRequestBody(spec, operationId, body);
    if (violations.isEmpty()) {
      return;
    }
    throw new RequestSchemaException(
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
                .toList()),
        validatorForm(violations.get(0)));
  }

  /**
   * Refuses a request without a header its operation marks required, as Rafiki's request validation
   * does before it looks at the token (the resource server's {@code Signature-Input} and {@code
   * Signature}), when the profile answers that with 400; with 401 the signature check refuses it
   * later, as unauthenticated.
   *
   * @throws RequestSchemaException 400 naming the first missing header
   */
  public void requireHeaders(
      BehaviourProfile profile, Spec spec, String operationId, HttpMessage message) {
    if (profile.missingSignatureStatus() != 400) {
      return;
    }
    ApiOperation operation =
        OpenApiSpecs.bundled()
            .operation(spec, operationId)
            .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
    for (String header : operation.requiredHeaders()) {
      if (!message.hasHeader(header)) {
        String lower = header.toLowerCase(Locale.ROOT);
        throw new RequestSchemaException(
            "the request has no "
                + header
                + " header, which "
                + operationId
                + " requires (Open Payments 1.3.0): sign the request, with the access token"
                + " covered (deployed wallets refuse it at request validation, before the"
                + " token)",
            Map.of(
                "violations",
                List.of(
                    Map.of(
                        "location",
                        "headers",
                        "keyword",
                        "required",
                        "message",
                        "required header " + header + " is missing"))),
            "headers must have required property '" + lower + "'");
      }
    }
  }

  /** A violation as Rafiki's validator words its location: {@code body.a.0.b}. */
  private static String validatorForm(SchemaViolation violation) {
    String location = violation.location();
    String path =
        location.startsWith("$") ? location.substring(1).replaceAll("\\[(\\d+)]", ".$1") : location;
    return "body" + path + " " + violation.message();
  }
}
