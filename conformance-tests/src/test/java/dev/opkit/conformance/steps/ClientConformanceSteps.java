package dev.opkit.conformance.steps;

import dev.opkit.conformance.targets.Role;
import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.ReportCard;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/**
 * Client conformance (issue 18): the sandbox misbehaves on purpose and grades the client from what
 * it saw. Here the client is the kit's own; the steps show each misbehaviour and each rule of the
 * report card at work.
 */
public final class ClientConformanceSteps {
  private final ScenarioContext context;

  public ClientConformanceSteps(ScenarioContext context) {
    this.context = context;
  }

  @Given(
      "the wallet answers the next request for a wallet address with 429, asking to retry after {int} seconds")
  public void rateLimited(int seconds) {
    context
        .target()
        .sandbox()
        .misbehave(Misbehaviour.rateLimited("get-wallet-address", Duration.ofSeconds(seconds)));
  }

  @Given("the wallet loses its answer to the next outgoing payment, after storing the payment")
  public void losesTheNextAnswer() {
    context.target().sandbox().misbehave(Misbehaviour.responseLost("create-outgoing-payment"));
  }

  @Given("the wallet sends the user back with a wrong hash")
  public void wrongHash() {
    context.target().sandbox().misbehave(Misbehaviour.wrongFinishHash());
  }

  @When("the client reads the sender's wallet address twice, without waiting in between")
  public void readsTwiceAtOnce() {
    String sender = context.walletUrl(Role.SENDER);
    context.act(() -> context.anonymous().walletAddress().get(sender));
    context.act(() -> context.anonymous().walletAddress().get(sender));
  }

  @Then("the client's report card grades {string} as {string}")
  public void grades(String rule, String verdict) {
    ReportCard card = context.target().sandbox().report();
    String actual = card.verdict(rule);
    context
        .verdicts()
        .must(
            actual.equals(verdict),
            "the report card grades " + rule + " as " + verdict,
            () -> rule + " is graded " + actual + ": " + card.rules());
  }

  @Then("the client's report card fails no rule")
  public void failsNothing() {
    ReportCard card = context.target().sandbox().report();
    context
        .verdicts()
        .must(
            card.failedRules().isEmpty(),
            "the report card fails no rule",
            () -> "failed: " + card.failedRules());
  }
}
