package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.Pagination;
import dev.opkit.conformance.grading.KnownDivergence;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.WalletAddress;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.Optional;

/**
 * Access token management (auth-server spec {@code post-token}, {@code delete-token}; RFC 9635 §6)
 * and what the resource server makes of tokens that are no longer valid.
 */
public final class TokenSteps {
  private final ScenarioContext context;
  private final Grants grants;
  private final Payments payments;

  public TokenSteps(ScenarioContext context, Grants grants, Payments payments) {
    this.context = context;
    this.grants = grants;
    this.payments = payments;
  }

  /** Rotates the current token of a kind; keeps the new one. */
  Optional<AccessToken> rotate(AccessType type) {
    AccessToken current = grants.token(type);
    Optional<AccessToken> rotated = context.act(() -> context.client().token().rotate(current));
    rotated.ifPresent(token -> grants.rotated(type, token));
    return rotated;
  }

  @When("the client rotates the {kind} token")
  public void rotates(AccessType type) {
    rotate(type);
  }

  @Given("the client rotated the {kind} token")
  public void rotated(AccessType type) {
    context.requireSuccess(rotate(type), "the token is rotated");
  }

  @Then("a new token with a new management URL is issued")
  public void aNewTokenIsIssued() {
    context
        .refusal()
        .ifPresent(e -> context.verdicts().must(false, "the token is rotated", e::getMessage));
    AccessToken old = grants.replacedToken(grants.lastRotated());
    JsonNode token = context.answerJson().path("access_token");
    context
        .verdicts()
        .must(
            token.path("value").isTextual()
                && !old.value().equals(token.path("value").asText())
                && token.path("manage").isTextual()
                && !old.manage().equals(token.path("manage").asText()),
            "rotation issues a new token value and a new management URL (RFC 9635 §6.1)",
            () -> "old manage URL " + old.manage() + ", answer " + token.path("manage"));
  }

  @Then("the new token carries the same access as the old one")
  public void theNewTokenCarriesTheSameAccess() {
    AccessToken old = grants.replacedToken(grants.lastRotated());
    JsonNode access = context.answerJson().path("access_token").path("access");
    context
        .verdicts()
        .must(
            access.equals(Json.toTree(old.access())),
            "a rotated token carries the access of the token it replaces (RFC 9635 §6.1)",
            () -> "old " + Json.write(old.access()) + ", new " + access);
  }

  @Then("the new token creates incoming payments at the receiver")
  public void theNewTokenWorks() {
    context.requireSuccess(
        payments.createIncoming(null, null, null),
        "the new token creates incoming payments (RFC 9635 §6.1)");
  }

  @Then("the old token is refused by the resource server")
  public void theOldTokenIsRefused() {
    AccessType type = grants.lastRotated();
    probe(type, grants.replacedToken(type).value());
    requireInactiveTokenRefused("a token replaced by rotation no longer works (RFC 9635 §6.1)");
  }

  @Then("the {kind} token is refused by the resource server")
  public void theTokenIsRefused(AccessType kind) {
    probe(kind, grants.token(kind).value());
    requireInactiveTokenRefused(
        "a revoked or expired token no longer works at the resource server (RFC 9635 §6.2)");
  }

  /** Lists with the token what it would give access to: a read that changes nothing. */
  private void probe(AccessType type, String token) {
    Role role = type == AccessType.INCOMING_PAYMENT ? Role.RECEIVER : Role.SENDER;
    WalletAddress wallet = context.wallet(role);
    if (type == AccessType.INCOMING_PAYMENT) {
      context.act(
          () ->
              context
                  .client()
                  .incomingPayment()
                  .list(wallet.resourceServer(), token, wallet.id(), Pagination.first(1)));
    } else if (type == AccessType.OUTGOING_PAYMENT) {
      context.act(
          () ->
              context
                  .client()
                  .outgoingPayment()
                  .list(wallet.resourceServer(), token, wallet.id(), Pagination.first(1)));
    } else {
      throw new IllegalArgumentException("the kit probes incoming- and outgoing-payment tokens");
    }
  }

  private void requireInactiveTokenRefused(String rule) {
    context
        .expectRefusal(rule)
        .ifPresent(
            error ->
                context
                    .verdicts()
                    .status(
                        rule + ": 401",
                        401,
                        error.status(),
                        KnownDivergence.INACTIVE_TOKEN_403,
                        403));
  }

  @When("the client rotates the old token again")
  public void rotatesTheOldTokenAgain() {
    AccessToken old = grants.replacedToken(grants.lastRotated());
    context.act(() -> context.client().token().rotate(old));
  }

  @Then("the authorization server refuses the rotation")
  public void theRotationIsRefused() {
    String rule =
        "a token that was rotated away or revoked cannot be rotated (RFC 9635 §6.1): a 4xx answer";
    context
        .expectRefusal(rule)
        .ifPresent(
            error ->
                context
                    .verdicts()
                    .expect(error.status() / 100 == 4, rule, () -> "answered " + error.status()));
  }

  @When("the client revokes the {kind} token")
  public void revokes(AccessType type) {
    AccessToken token = grants.token(type);
    context.act(() -> context.client().token().revoke(token));
  }

  @Then("the revoked token can no longer be rotated")
  public void theRevokedTokenCannotRotate() {
    AccessToken token = grants.token(AccessType.INCOMING_PAYMENT);
    context.act(() -> context.client().token().rotate(token));
    theRotationIsRefused();
  }

  @When("the token's lifetime has passed on the wallet's clock")
  public void theLifetimeHasPassed() {
    AccessToken token = grants.token(AccessType.INCOMING_PAYMENT);
    if (token.expiresIn() == null) {
      throw new IllegalStateException("the token has no expires_in, so it does not expire");
    }
    Instant expiry = grants.issuedAt(AccessType.INCOMING_PAYMENT).plusSeconds(token.expiresIn());
    context.target().sandbox().setClock(expiry.plusSeconds(1));
  }
}
