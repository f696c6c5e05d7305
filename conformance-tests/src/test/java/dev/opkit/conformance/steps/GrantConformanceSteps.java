package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.sandbox.admin.Misbehaviour;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;

/**
 * Client conformance on the grant and token side (issue 18): the wallet rotates continuation
 * tokens, grants less than asked, lets an interaction expire, refuses rotation, revokes or expires
 * tokens after a payment; the report card grades what the kit's own client did next.
 */
public final class GrantConformanceSteps {
  private final ScenarioContext context;
  private final Payments payments;

  public GrantConformanceSteps(ScenarioContext context, Payments payments) {
    this.context = context;
    this.payments = payments;
  }

  private void misbehave(Misbehaviour misbehaviour) {
    context.target().sandbox().misbehave(misbehaviour);
  }

  @Given("interactive grants ask the client to wait {int} seconds between continuations")
  public void raisedWait(int seconds) {
    misbehave(Misbehaviour.raisedWait(Duration.ofSeconds(seconds)));
  }

  @Given("the wallet sends the user back without the interaction reference")
  public void noInteractRef() {
    misbehave(Misbehaviour.noInteractRef());
  }

  @Given("the wallet revokes the token right after the next outgoing payment")
  public void revokedAfterPayment() {
    misbehave(Misbehaviour.tokenRevokedAfterPayment());
  }

  @Given("the wallet ends the token's lifetime right after the next outgoing payment")
  public void expiredAfterPayment() {
    misbehave(Misbehaviour.tokenExpiredAfterPayment());
  }

  @Given("the wallet gives a new continuation token on every continuation")
  public void continuationTokenRotated() {
    misbehave(Misbehaviour.continuationTokenRotated().times(100));
  }

  @Given("the wallet approves outgoing-payment grants with {int} percent of the amount asked for")
  public void reducedLimit(int percent) {
    misbehave(Misbehaviour.reducedLimit(percent));
  }

  @Given(
      "the wallet lowers the grant's limit to {int} percent right after the next outgoing payment")
  public void limitReducedAfterPayment(int percent) {
    misbehave(Misbehaviour.limitReducedAfterPayment(percent));
  }

  @Given("the interaction expires before the user comes back")
  public void interactionExpired() {
    misbehave(Misbehaviour.interactionExpired());
  }

  @Given("the wallet refuses to rotate expired tokens")
  public void rotationRefused() {
    misbehave(Misbehaviour.rotationRefused());
  }

  @Then("the access token allows debiting at most {amount} from the sender")
  @Then("the new token allows debiting at most {amount} from the sender")
  public void allowsDebitingAtMost(String humanUnits) {
    Amount expected = payments.amount(Role.SENDER, humanUnits);
    JsonNode limit =
        context.answerJson().path("access_token").path("access").path(0).path("limits");
    JsonNode debit = limit.path("debitAmount");
    context
        .verdicts()
        .must(
            debit.path("value").asText("").equals(expected.value().toString())
                && debit.path("assetCode").asText("").equals(expected.assetCode())
                && debit.path("assetScale").asInt(-1) == expected.assetScale(),
            "the token's access carries the limit the wallet granted, "
                + expected.value()
                + " "
                + expected.assetCode(),
            limit::toString);
  }
}
