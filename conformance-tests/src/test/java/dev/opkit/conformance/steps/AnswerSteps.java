package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.conformance.grading.KnownDivergence;
import dev.opkit.conformance.grading.SpecConformance;
import dev.opkit.protocol.openapi.SchemaViolation;
import dev.opkit.protocol.openapi.Spec;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks on the last answer that every area shares: its schema, and how a refusal must look. The
 * body is read from the wire, not through the client's records.
 */
public final class AnswerSteps {
  private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 403, 404, 409, 422);

  private final ScenarioContext context;

  public AnswerSteps(ScenarioContext context) {
    this.context = context;
  }

  @Then("the answer follows the Open Payments schema")
  public void theAnswerFollowsTheSchema() {
    var exchange = context.answer();
    List<SchemaViolation> violations = SpecConformance.violations(exchange);
    context
        .verdicts()
        .must(
            violations.isEmpty(),
            "the "
                + exchange.operationId()
                + " answer matches the Open Payments 1.3.0 schema for its status",
            () ->
                violations.stream()
                    .map(SchemaViolation::toString)
                    .collect(Collectors.joining("; ")));
  }

  @Then("the wallet answers that it was not found")
  public void theWalletAnswersNotFound() {
    context
        .expectRefusal("an unknown wallet address is answered 404 (wallet-address-server spec)")
        .ifPresent(
            error ->
                context
                    .verdicts()
                    .expect(
                        error.status() == 404,
                        "an unknown wallet address is answered 404 (wallet-address-server spec)",
                        () -> "answered " + error.status()));
  }

  @Then("the resource server answers that it was not found")
  public void theResourceServerAnswersNotFound() {
    String rule = "a resource the server does not know is answered 404 (resource-server spec)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .status(rule, 404, error.status(), KnownDivergence.UNKNOWN_RESOURCE_401, 401);
              requireErrorObject(error);
            });
  }

  @Then("the resource server refuses the request")
  public void theResourceServerRefuses() {
    String rule = "the resource server refuses the request with a 4xx error";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(
                      CLIENT_ERRORS.contains(error.status()),
                      rule,
                      () -> "answered " + error.status());
              requireErrorObject(error);
            });
  }

  @Then("the resource server refuses the request as forbidden")
  public void theResourceServerRefusesAsForbidden() {
    String rule = "a token without the right access is refused with 403 (RFC 9635 §7.2)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() == 403, rule, () -> "answered " + error.status());
              requireErrorObject(error);
            });
  }

  @Then("the resource server refuses the unsigned request")
  public void theResourceServerRefusesTheUnsignedRequest() {
    // 400 is a legitimate refusal too: the spec marks the signature headers required, and a wallet
    // that validates requests (Rafiki) refuses their absence before it authenticates. Which one
    // the wallet answered is noted.
    String rule =
        "a request with a token but without Signature and Signature-Input is refused with 400"
            + " (required headers, resource-server spec) or 401 (RFC 9421 profile of Open"
            + " Payments)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context.verdicts().statusAmong(rule, Set.of(400, 401), error.status());
              requireErrorObject(error);
            });
  }

  @Then("the resource server refuses the request as unauthorized")
  public void theResourceServerRefusesAsUnauthorized() {
    String rule =
        "a request whose token is not bound to it by the client's signature is refused with 401"
            + " (RFC 9421 profile of Open Payments)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() == 401, rule, () -> "answered " + error.status());
              requireErrorObject(error);
            });
  }

  @Then("the authorization server refuses the request as invalid")
  public void theAuthorizationServerRefusesAsInvalid() {
    String rule = "an invalid grant request is refused with 400 invalid_request (RFC 9635 §3.6)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() == 400, rule, () -> "answered " + error.status());
              requireGnapCode(rule, "invalid_request");
            });
  }

  @Then("the authorization server refuses the client's signature")
  public void theAuthorizationServerRefusesTheSignature() {
    String rule =
        "a grant request whose signature does not prove the client is refused with 401"
            + " invalid_client (RFC 9635 §7.3, RFC 9421 §3.2)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() == 401, rule, () -> "answered " + error.status());
              requireGnapCode(rule, "invalid_client");
            });
  }

  @Then("the authorization server refuses the client as unknown")
  public void theAuthorizationServerRefusesTheClientAsUnknown() {
    String rule =
        "a client the authorization server cannot identify is refused with invalid_client"
            + " (RFC 9635 §3.6)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(
                      error.status() == 400 || error.status() == 401,
                      rule,
                      () -> "answered " + error.status());
              requireGnapCode(rule, "invalid_client");
            });
  }

  @Then("the wallet confirms with no content")
  public void theWalletConfirmsWithNoContent() {
    context
        .refusal()
        .ifPresent(e -> context.verdicts().must(false, "the request succeeds", e::getMessage));
    int status = context.answerStatus();
    context
        .verdicts()
        .must(
            status == 204,
            "revocation is answered 204 No Content (auth-server spec)",
            () -> "answered " + status);
  }

  /**
   * The GNAP error code on the wire must be the expected one; an error object without any {@code
   * code} is named as such, since RFC 9635 §3.6 requires one in every error answer.
   */
  void requireGnapCode(String rule, String code) {
    JsonNode error = context.answerJson().path("error");
    String body = context.answer().response().body();
    boolean hasCode = error.isObject() && error.path("code").isTextual();
    context
        .verdicts()
        .expect(
            hasCode,
            rule + "; every GNAP error object carries a code (RFC 9635 §3.6)",
            () ->
                (error.isObject()
                        ? "error object without `code`: "
                        : "no error object (RFC 9635 §3.6 requires {\"error\": {\"code\"}}): ")
                    + body);
    if (!hasCode) {
      return;
    }
    String actual = error.path("code").asText();
    context
        .verdicts()
        .expect(code.equals(actual), rule, () -> "error code " + actual + " in " + body);
  }

  /** A resource-server refusal carries the spec's {@code error-response} object. */
  void requireErrorObject(ApiErrorException error) {
    List<SchemaViolation> violations =
        SpecConformance.validator()
            .validate(Spec.RESOURCE_SERVER, "error-response", context.answerJson());
    context
        .verdicts()
        .expect(
            violations.isEmpty(),
            "a resource-server error answer is {\"error\": {\"code\", \"description\"}}"
                + " (resource-server spec, error-response)",
            () -> (error.body().isEmpty() ? "(empty body)" : error.body()) + ": " + violations);
  }
}
