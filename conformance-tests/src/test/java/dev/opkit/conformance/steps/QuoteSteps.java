package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/** Quotes at the sender (resource-server spec {@code create-quote}, {@code get-quote}). */
public final class QuoteSteps {
  private final ScenarioContext context;
  private final Grants grants;
  private final Payments payments;

  public QuoteSteps(ScenarioContext context, Grants grants, Payments payments) {
    this.context = context;
    this.grants = grants;
    this.payments = payments;
  }

  private String sender() {
    return context.wallet(Role.SENDER).id();
  }

  @Given("a quote for sending {amount} to it")
  public void aQuoteForSending(String amount) {
    payments.requireQuoteSending(payments.amount(Role.SENDER, amount));
  }

  @When("the client quotes sending {amount} to it")
  public void quotesSending(String amount) {
    payments.quote(
        CreateQuoteRequest.fixedSend(
            sender(), payments.lastIncoming().id(), payments.amount(Role.SENDER, amount)));
  }

  @When("the client quotes the receiver getting {amount} from it")
  public void quotesReceiving(String amount) {
    payments.quote(
        CreateQuoteRequest.fixedReceive(
            sender(), payments.lastIncoming().id(), payments.amount(Role.RECEIVER, amount)));
  }

  @When("the client quotes paying it in full")
  public void quotesInFull() {
    payments.quote(CreateQuoteRequest.forIncomingAmount(sender(), payments.lastIncoming().id()));
  }

  @When("the client quotes sending {amount} to an incoming payment that does not exist")
  public void quotesForAMissingIncomingPayment(String amount) {
    String server = context.wallet(Role.RECEIVER).resourceServer();
    String missing =
        (server.endsWith("/") ? server : server + "/") + "incoming-payments/" + UUID.randomUUID();
    payments.quote(
        CreateQuoteRequest.fixedSend(sender(), missing, payments.amount(Role.SENDER, amount)));
  }

  private JsonNode quote() {
    context
        .refusal()
        .ifPresent(e -> context.verdicts().must(false, "the quote is created", e::getMessage));
    return context.answerJson();
  }

  @Then("the quote debits exactly {amount} from the sender")
  public void debitsExactly(String amount) {
    JsonNode debit = quote().path("debitAmount");
    JsonNode expected = Json.toTree(payments.amount(Role.SENDER, amount));
    context
        .verdicts()
        .must(
            debit.equals(expected),
            "a quote with a fixed debitAmount debits exactly that amount",
            () -> "debitAmount " + debit + ", asked " + expected);
  }

  @Then("the receiver gets exactly {amount}")
  public void receiverGetsExactly(String amount) {
    JsonNode receive = quote().path("receiveAmount");
    JsonNode expected = Json.toTree(payments.amount(Role.RECEIVER, amount));
    context
        .verdicts()
        .must(
            receive.equals(expected),
            "the quote's receiveAmount is what the receiver gets",
            () -> "receiveAmount " + receive + ", expected " + expected);
  }

  @Then("the quote says what the receiver gets, in the receiver's asset")
  public void saysWhatTheReceiverGets() {
    requirePositiveIn(
        quote().path("receiveAmount"), context.wallet(Role.RECEIVER), "receiveAmount");
  }

  @Then("the quote says what the sender pays, in the sender's asset")
  public void saysWhatTheSenderPays() {
    requirePositiveIn(quote().path("debitAmount"), context.wallet(Role.SENDER), "debitAmount");
  }

  private void requirePositiveIn(JsonNode amount, WalletAddress wallet, String field) {
    context
        .verdicts()
        .must(
            wallet.assetCode().equals(amount.path("assetCode").asText())
                && amount.path("assetScale").asInt(-1) == wallet.assetScale()
                && amount.path("value").asText("").matches("[0-9]+")
                && new BigInteger(amount.path("value").asText("0")).signum() > 0,
            "a quote's " + field + " is more than zero, in " + wallet.id() + "'s asset",
            amount::toString);
  }

  @Then("the quote pays the incoming payment from the sender's wallet")
  public void paysTheIncomingPayment() {
    JsonNode json = quote();
    context
        .verdicts()
        .must(
            payments.lastIncoming().id().equals(json.path("receiver").asText())
                && sender().equals(json.path("walletAddress").asText())
                && "ilp".equals(json.path("method").asText()),
            "a quote names its receiver, the sender's wallet address and the ilp method",
            json::toString);
  }

  @Then("the quote expires in the future")
  public void expiresInTheFuture() {
    JsonNode json = quote();
    context
        .verdicts()
        .should(
            json.path("expiresAt").isTextual(),
            "a quote says until when it is valid (expiresAt)",
            json::toString);
    if (json.path("expiresAt").isTextual()) {
      Instant expiresAt = Instant.parse(json.path("expiresAt").asText());
      Instant now = grants.now();
      context
          .verdicts()
          .must(
              expiresAt.isAfter(now),
              "a new quote expires after it was made",
              () -> "expiresAt " + expiresAt + ", wallet time " + now);
    }
  }

  @When("the client reads the quote")
  public void readsTheQuote() {
    Quote quote = payments.lastQuote();
    String token = grants.quoteToken();
    context.act(() -> context.client().quote().get(quote.id(), token));
  }

  @Then("it is the quote that was created")
  public void itIsTheQuoteCreated() {
    JsonNode json = quote();
    Quote created = payments.lastQuote();
    context
        .verdicts()
        .must(
            created.id().equals(json.path("id").asText())
                && Json.toTree(created.debitAmount()).equals(json.path("debitAmount"))
                && Json.toTree(created.receiveAmount()).equals(json.path("receiveAmount")),
            "reading a quote gives back the one created",
            () -> "created " + Json.write(created) + ", read " + json);
  }

  @When("the quote's expiry has passed on the wallet's clock")
  public void theQuoteHasExpired() {
    Instant expiresAt = payments.lastQuote().expiresAt();
    if (expiresAt == null) {
      throw new IllegalStateException("the quote has no expiresAt, so it does not expire");
    }
    context.target().sandbox().setClock(expiresAt.plusSeconds(1));
  }
}
