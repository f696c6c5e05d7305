package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.Pagination;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.WalletAddress;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Incoming payments at the receiver (resource-server spec {@code create-incoming-payment}, {@code
 * get-incoming-payment}, {@code list-incoming-payments}, {@code complete-incoming-payment}).
 */
public final class IncomingPaymentSteps {
  private static final Set<String> PUBLIC_FIELDS = Set.of("receivedAmount", "authServer");

  private final ScenarioContext context;
  private final Grants grants;
  private final Payments payments;
  private Page<IncomingPayment> page;

  public IncomingPaymentSteps(ScenarioContext context, Grants grants, Payments payments) {
    this.context = context;
    this.grants = grants;
    this.payments = payments;
  }

  private Amount receiverAmount(String amount) {
    return payments.amount(Role.RECEIVER, amount);
  }

  @Given("an incoming payment at the receiver for {amount}")
  public void anIncomingPaymentFor(String amount) {
    payments.requireIncoming(receiverAmount(amount), null);
  }

  @Given("an incoming payment at the receiver for {amount} that expires in {int} hour(s)")
  public void anIncomingPaymentThatExpires(String amount, int hours) {
    payments.requireIncoming(receiverAmount(amount), grants.now().plus(Duration.ofHours(hours)));
  }

  @Given("an open incoming payment at the receiver")
  public void anOpenIncomingPayment() {
    payments.requireIncoming(null, null);
  }

  @Given("the client created {int} incoming payments at the receiver")
  public void createdIncomingPayments(int count) {
    for (int i = 0; i < count; i++) {
      payments.requireIncoming(null, null);
    }
  }

  @When(
      "the client creates an incoming payment at the receiver for {amount} with the note {string}")
  public void createsWithANote(String amount, String note) {
    payments.createIncoming(receiverAmount(amount), null, Map.of("description", note));
  }

  @When("the client creates an incoming payment at the receiver without an amount")
  public void createsWithoutAnAmount() {
    payments.createIncoming(null, null, null);
  }

  @When(
      "the client creates an incoming payment at the receiver for {amount} in an asset the wallet does not hold")
  public void createsInAnotherAsset(String amount) {
    WalletAddress receiver = context.wallet(Role.RECEIVER);
    String other = "XTS".equals(receiver.assetCode()) ? "XXX" : "XTS";
    Amount foreign =
        Amount.of(
            HumanUnits.toBaseUnits(amount, receiver.assetScale()).toString(),
            other,
            receiver.assetScale());
    payments.createIncoming(foreign, null, null);
  }

  @When("the client creates an incoming payment at the receiver that expired an hour ago")
  public void createsAlreadyExpired() {
    payments.createIncoming(null, grants.now().minus(Duration.ofHours(1)), null);
  }

  @When("the client creates an incoming payment at the receiver with the quote token")
  public void createsWithTheQuoteToken() {
    WalletAddress receiver = context.wallet(Role.RECEIVER);
    String quoteToken = grants.token(AccessType.QUOTE).value();
    context.act(
        () ->
            context
                .client()
                .incomingPayment()
                .create(
                    receiver.resourceServer(),
                    quoteToken,
                    new CreateIncomingPaymentRequest(receiver.id(), null, null, null)));
  }

  @Then("the incoming payment belongs to the receiver's wallet address")
  public void belongsToTheReceiver() {
    String walletAddress = context.answerJson().path("walletAddress").asText(null);
    context
        .verdicts()
        .must(
            context.wallet(Role.RECEIVER).id().equals(walletAddress),
            "an incoming payment names the wallet address it was created for",
            () -> "walletAddress " + walletAddress);
  }

  @Then("it expects {amount} in the receiver's asset")
  public void itExpects(String amount) {
    JsonNode incomingAmount = context.answerJson().path("incomingAmount");
    JsonNode expected = Json.toTree(receiverAmount(amount));
    context
        .verdicts()
        .must(
            incomingAmount.equals(expected),
            "the incoming payment keeps the incomingAmount it was created with",
            () -> "incomingAmount " + incomingAmount + ", asked " + expected);
  }

  @Then("it expects no particular amount")
  public void itExpectsNoAmount() {
    JsonNode json = context.answerJson();
    context
        .verdicts()
        .must(
            !json.has("incomingAmount") || json.get("incomingAmount").isNull(),
            "an incoming payment created without incomingAmount has none",
            () -> json.path("incomingAmount").toString());
  }

  @Then("it has received nothing and is not completed")
  public void itHasReceivedNothing() {
    JsonNode json = context.answerJson();
    WalletAddress receiver = context.wallet(Role.RECEIVER);
    context
        .verdicts()
        .must(
            "0".equals(json.path("receivedAmount").path("value").asText())
                && receiver
                    .assetCode()
                    .equals(json.path("receivedAmount").path("assetCode").asText())
                && json.path("completed").isBoolean()
                && !json.path("completed").asBoolean(),
            "a new incoming payment has received 0 in the wallet's asset and is not completed",
            json::toString);
  }

  @Then("it carries the details to pay it over Interledger")
  public void itCarriesIlpDetails() {
    JsonNode methods = context.answerJson().path("methods");
    boolean ilp = false;
    for (JsonNode method : methods) {
      ilp |=
          "ilp".equals(method.path("type").asText())
              && !method.path("ilpAddress").asText("").isBlank()
              && !method.path("sharedSecret").asText("").isBlank();
    }
    boolean found = ilp;
    context
        .verdicts()
        .must(
            found,
            "a pending incoming payment carries an ilp payment method with ilpAddress and"
                + " sharedSecret (resource-server spec, incoming-payment-with-methods)",
            methods::toString);
  }

  @Then("it keeps the note {string}")
  public void itKeepsTheNote(String note) {
    JsonNode metadata = context.answerJson().path("metadata");
    context
        .verdicts()
        .must(
            note.equals(metadata.path("description").asText(null)),
            "an incoming payment keeps the metadata it was created with",
            metadata::toString);
  }

  @When("the client reads the incoming payment with its token")
  public void readsWithItsToken() {
    String url = payments.lastIncoming().id();
    String token = grants.incomingPaymentToken();
    context.act(() -> context.client().incomingPayment().get(url, token));
  }

  @Then("it is the incoming payment that was created")
  public void itIsTheOneCreated() {
    JsonNode json = context.answerJson();
    IncomingPayment created = payments.lastIncoming();
    context
        .verdicts()
        .must(
            created.id().equals(json.path("id").asText())
                && created.walletAddress().equals(json.path("walletAddress").asText())
                && Json.toTree(created.incomingAmount()).equals(json.path("incomingAmount")),
            "reading an incoming payment gives back the one created",
            () -> "created " + Json.write(created) + ", read " + json);
  }

  @When("someone reads the incoming payment without a token")
  public void readsWithoutAToken() {
    String url = payments.lastIncoming().id();
    context.act(() -> context.anonymous().incomingPayment().get(url));
  }

  @Then("the answer shows only what was received and the receiver's authorization server")
  public void onlyThePublicView() {
    JsonNode json = context.answerJson();
    List<String> extra = new ArrayList<>();
    Iterator<String> names = json.fieldNames();
    names.forEachRemaining(
        name -> {
          if (!PUBLIC_FIELDS.contains(name)) {
            extra.add(name);
          }
        });
    context
        .verdicts()
        .must(
            extra.isEmpty(),
            "without a token an incoming payment shows only receivedAmount and authServer"
                + " (resource-server spec, public-incoming-payment)",
            () -> "also shows " + extra);
    context
        .verdicts()
        .must(
            context.wallet(Role.RECEIVER).authServer().equals(json.path("authServer").asText()),
            "the public view names the receiver's authorization server",
            json::toString);
  }

  @When("the client reads an incoming payment that does not exist at the receiver")
  public void readsAMissingIncomingPayment() {
    WalletAddress receiver = context.wallet(Role.RECEIVER);
    String server = receiver.resourceServer();
    String url =
        (server.endsWith("/") ? server : server + "/") + "incoming-payments/" + UUID.randomUUID();
    String token = grants.incomingPaymentToken();
    context.act(() -> context.client().incomingPayment().get(url, token));
  }

  private void list(Pagination pagination) {
    WalletAddress receiver = context.wallet(Role.RECEIVER);
    String token = grants.incomingPaymentToken();
    Optional<Page<IncomingPayment>> answer =
        context.act(
            () ->
                context
                    .client()
                    .incomingPayment()
                    .list(receiver.resourceServer(), token, receiver.id(), pagination));
    page = answer.orElse(null);
  }

  private Page<IncomingPayment> page() {
    if (page == null) {
      context
          .verdicts()
          .must(
              false,
              "the list is answered",
              () -> context.refusal().map(Throwable::getMessage).orElse("no page"));
    }
    return page;
  }

  @When("the client lists the first {int} incoming payments of the receiver")
  @Given("the client listed the first {int} incoming payments of the receiver")
  public void listsTheFirst(int count) {
    list(Pagination.first(count));
  }

  @When("the client lists the next {int} incoming payments after the page's end cursor")
  @Given("the client listed the next {int} incoming payments after the page's end cursor")
  public void listsTheNext(int count) {
    String cursor = page().pagination().endCursor();
    context
        .verdicts()
        .must(
            cursor != null,
            "a page with a next page has an endCursor",
            () -> Json.write(page.pagination()));
    list(Pagination.first(count, cursor));
  }

  @When("the client lists the {int} incoming payments before the page's start cursor")
  public void listsThePrevious(int count) {
    String cursor = page().pagination().startCursor();
    context
        .verdicts()
        .must(cursor != null, "a page has a startCursor", () -> Json.write(page.pagination()));
    list(Pagination.last(count, cursor));
  }

  @Then("the page holds incoming payments {int} and {int}, newest first")
  public void thePageHolds(int first, int second) {
    List<String> expected =
        List.of(payments.incoming().get(first - 1).id(), payments.incoming().get(second - 1).id());
    List<String> actual = ids(context.answerJson());
    context
        .verdicts()
        .must(
            actual.equals(expected),
            "a page lists incoming payments newest first, as many as asked for (resource-server"
                + " spec, pagination)",
            () -> "expected " + expected + ", got " + actual);
  }

  @Then("the page starts with incoming payment {int}")
  public void thePageStartsWith(int number) {
    String expected = payments.incoming().get(number - 1).id();
    List<String> actual = ids(context.answerJson());
    context
        .verdicts()
        .must(
            !actual.isEmpty() && actual.get(0).equals(expected),
            "the next page continues right after the previous page's end cursor",
            () -> "expected " + expected + " first, got " + actual);
  }

  private static List<String> ids(JsonNode json) {
    List<String> ids = new ArrayList<>();
    json.path("result").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  @Then("the page says there is a next page")
  public void thereIsANextPage() {
    JsonNode pagination = context.answerJson().path("pagination");
    context
        .verdicts()
        .must(
            pagination.path("hasNextPage").asBoolean(false)
                && pagination.path("endCursor").isTextual(),
            "a page followed by more items says hasNextPage and gives its endCursor",
            pagination::toString);
  }

  @Then("the page says there is a previous page")
  public void thereIsAPreviousPage() {
    JsonNode pagination = context.answerJson().path("pagination");
    context
        .verdicts()
        .must(
            pagination.path("hasPreviousPage").asBoolean(false)
                && pagination.path("startCursor").isTextual(),
            "a page after other items says hasPreviousPage and gives its startCursor",
            pagination::toString);
  }

  private Optional<IncomingPayment> complete() {
    String url = payments.lastIncoming().id();
    String token = grants.incomingPaymentToken();
    Optional<IncomingPayment> completed =
        context.act(() -> context.client().incomingPayment().complete(url, token));
    completed.ifPresent(payments::updateIncoming);
    return completed;
  }

  @When("the client completes the incoming payment")
  @When("the client completes the incoming payment again")
  public void completes() {
    complete();
  }

  @Given("the client completed the incoming payment")
  public void completed() {
    context.requireSuccess(complete(), "the incoming payment is completed");
  }

  @Then("the incoming payment is completed")
  public void isCompleted() {
    JsonNode json = context.answerJson();
    context
        .verdicts()
        .must(
            json.path("completed").asBoolean(false),
            "a completed incoming payment says completed: true",
            json::toString);
  }

  @Then("a quote to pay it is refused")
  public void aQuoteIsRefused() {
    WalletAddress sender = context.wallet(Role.SENDER);
    payments.quote(
        CreateQuoteRequest.fixedSend(
            sender.id(), payments.lastIncoming().id(), payments.amount(Role.SENDER, "1.00")));
    String rule =
        "a completed or expired incoming payment takes no more payments: a quote for it is"
            + " refused";
    context
        .expectRefusal(rule)
        .ifPresent(
            error ->
                context
                    .verdicts()
                    .expect(error.status() / 100 == 4, rule, () -> "answered " + error.status()));
  }

  @When("{int} hours pass on the wallet's clock")
  public void hoursPass(int hours) {
    context.target().sandbox().advance(Duration.ofHours(hours));
  }
}
