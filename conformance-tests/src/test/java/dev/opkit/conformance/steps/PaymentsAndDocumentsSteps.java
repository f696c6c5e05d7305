package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.conformance.targets.Role;
import dev.opkit.sandbox.admin.Misbehaviour;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * Client conformance (issue 18), payments and documents: quotes that expire early, receivers that
 * end between quote and payment, failing, slow and redirecting wallet addresses, documents with
 * unknown fields, and a misbehaviour narrowed to one wallet address.
 */
public final class PaymentsAndDocumentsSteps {
  private final ScenarioContext context;
  private Response browser;
  private Duration lastRead = Duration.ZERO;

  public PaymentsAndDocumentsSteps(ScenarioContext context) {
    this.context = context;
  }

  private void misbehave(Misbehaviour misbehaviour) {
    context.target().sandbox().misbehave(misbehaviour);
  }

  @Given("the wallet's next quote is valid for {int} milliseconds only")
  public void quoteExpiresEarly(int millis) {
    misbehave(Misbehaviour.quoteExpiresEarly(Duration.ofMillis(millis)));
  }

  @Given("the wallet completes the incoming payment right after the next quote to it")
  public void receiverCompleted() {
    misbehave(Misbehaviour.receiverCompleted());
  }

  @Given("the wallet lets the incoming payment expire right after the next quote to it")
  public void receiverExpired() {
    misbehave(Misbehaviour.receiverExpired());
  }

  @Given("the wallet sends browsers asking for a wallet address to a page for people")
  public void htmlRedirect() {
    misbehave(Misbehaviour.htmlRedirect().times(10));
  }

  @Given("the wallet fails the next request for a wallet address with {int}")
  public void serverError(int status) {
    misbehave(Misbehaviour.serverError("get-wallet-address", status));
  }

  @Given("the wallet takes {int} second(s) to answer the next request for a wallet address")
  public void slowAnswer(int seconds) {
    misbehave(Misbehaviour.slowAnswer("get-wallet-address", Duration.ofSeconds(seconds)));
  }

  @Given("the wallet adds fields the client never saw to the next wallet address document")
  public void extraFields() {
    misbehave(Misbehaviour.extraFields("get-wallet-address"));
  }

  @Given("the wallet answers requests for the receiver's wallet address with 429")
  public void rateLimitedReceiver() {
    misbehave(
        Misbehaviour.rateLimited("get-wallet-address", Duration.ofSeconds(2))
            .forWalletAddress(context.walletUrl(Role.RECEIVER))
            .times(5));
  }

  @When("someone opens the sender's wallet address in a browser")
  public void opensInABrowser() {
    browser =
        RestAssured.given()
            .redirects()
            .follow(false)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .get(context.walletUrl(Role.SENDER));
  }

  @When("the client reads the sender's wallet address")
  public void readsTheSender() {
    String sender = context.walletUrl(Role.SENDER);
    long start = System.nanoTime();
    context.act(() -> context.anonymous().walletAddress().get(sender));
    lastRead = Duration.ofNanos(System.nanoTime() - start);
  }

  @Then("the wallet sends the browser to a page about that wallet address")
  public void sentToAPage() {
    String location = browser.header("Location");
    context
        .verdicts()
        .must(
            browser.statusCode() == 302 && location != null,
            "a browser asking for a wallet address is redirected (302) to a page",
            () -> "answered " + browser.statusCode() + ", Location " + location);
    Response page = RestAssured.given().header("Accept", "text/html").get(location);
    context
        .verdicts()
        .must(
            page.statusCode() == 200
                && page.contentType().startsWith("text/html")
                && page.asString().contains(context.walletUrl(Role.SENDER)),
            "the page names the wallet address",
            () -> "the page answered " + page.statusCode() + " " + page.contentType());
  }

  @Then("the client gets the sender's wallet address document")
  public void getsTheDocument() {
    context
        .verdicts()
        .must(
            context.refusal().isEmpty(),
            "the wallet address answers its JSON document",
            () -> context.refusal().map(Throwable::getMessage).orElse(""));
    JsonNode document = context.answerJson();
    context
        .verdicts()
        .must(
            context.walletUrl(Role.SENDER).equals(document.path("id").asText()),
            "the document is the sender's",
            () -> "id " + document.path("id"));
  }

  @Then("the wallet answers with the server error {int}")
  public void answersServerError(int status) {
    Optional<OpenPaymentsException> refusal = context.refusal();
    context
        .verdicts()
        .must(
            refusal
                .filter(ApiErrorException.class::isInstance)
                .map(e -> ((ApiErrorException) e).status() == status)
                .orElse(false),
            "the wallet answers " + status,
            () -> refusal.map(Throwable::getMessage).orElse("it answered with the document"));
  }

  @Then("the wallet asks the client to come back later")
  public void asksToComeBackLater() {
    Optional<OpenPaymentsException> refusal = context.refusal();
    context
        .verdicts()
        .must(
            refusal
                .filter(ApiErrorException.class::isInstance)
                .map(e -> ((ApiErrorException) e).status() == 429)
                .orElse(false),
            "the wallet answers 429 for the receiver's wallet address",
            () -> refusal.map(Throwable::getMessage).orElse("it answered with the document"));
  }

  @Then("the answer took at least {int} second(s)")
  public void tookAtLeast(int seconds) {
    context
        .verdicts()
        .must(
            lastRead.compareTo(Duration.ofSeconds(seconds)) >= 0,
            "the answer came after " + seconds + " s",
            () -> "it came after " + lastRead.toMillis() + " ms");
  }

  @Then("the document carries fields no description lists")
  public void carriesUnknownFields() {
    JsonNode document = context.answerJson();
    context
        .verdicts()
        .must(
            document.has("cardService") && document.path("additionalProperties").isObject(),
            "the document carries cardService and a nested additionalProperties",
            () -> "the document: " + document);
  }
}
