package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.Pagination;
import dev.opkit.conformance.grading.KnownDivergence;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import dev.opkit.sandbox.admin.SandboxAdmin;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing payments from the sender (resource-server spec {@code create-outgoing-payment}, {@code
 * get-outgoing-payment}, {@code list-outgoing-payments}, {@code get-outgoing-payment-grant}), and
 * in a sandbox where the money went.
 */
public final class OutgoingPaymentSteps {
  /** How long a payment may take to reach the receiver's incoming payment. */
  private static final Duration SETTLEMENT_TIMEOUT = Duration.ofSeconds(30);

  private final ScenarioContext context;
  private final Grants grants;
  private final Payments payments;

  public OutgoingPaymentSteps(ScenarioContext context, Grants grants, Payments payments) {
    this.context = context;
    this.grants = grants;
    this.payments = payments;
  }

  private Amount senderAmount(String amount) {
    return payments.amount(Role.SENDER, amount);
  }

  @When("the client pays the quote")
  @When("the client pays the quote again")
  public void paysTheQuote() {
    payments.pay(payments.lastQuote());
  }

  @Given("the client paid the quote")
  public void paidTheQuote() {
    context.requireSuccess(payments.pay(payments.lastQuote()), "the quote is paid");
  }

  @When("the client pays {amount} into the incoming payment without a quote")
  public void paysDirectly(String amount) {
    payments.create(
        new CreateOutgoingPaymentRequest.FromIncomingPayment(
            context.wallet(Role.SENDER).id(),
            payments.lastIncoming().id(),
            senderAmount(amount),
            null));
  }

  @When("the client pays {amount} to the receiver")
  public void paysTheReceiver(String amount) {
    payments.payReceiver(senderAmount(amount));
  }

  @Given("the client paid {amount} to the receiver")
  public void paidTheReceiver(String amount) {
    context.requireSuccess(payments.payReceiver(senderAmount(amount)), "the payment is made");
  }

  private JsonNode payment() {
    context
        .refusal()
        .ifPresent(e -> context.verdicts().must(false, "the payment is created", e::getMessage));
    return context.answerJson();
  }

  @Then("the outgoing payment debits and delivers what the quote said")
  public void debitsAndDeliversTheQuote() {
    JsonNode json = payment();
    Quote quote = payments.lastQuote();
    context
        .verdicts()
        .must(
            Json.toTree(quote.debitAmount()).equals(json.path("debitAmount"))
                && Json.toTree(quote.receiveAmount()).equals(json.path("receiveAmount")),
            "an outgoing payment for a quote debits the quote's debitAmount and promises its"
                + " receiveAmount",
            () -> "quote " + Json.write(quote) + ", payment " + json);
  }

  @Then("the outgoing payment pays the quote's receiver from the sender's wallet")
  public void paysTheQuotesReceiver() {
    JsonNode json = payment();
    Quote quote = payments.lastQuote();
    context
        .verdicts()
        .must(
            quote.receiver().equals(json.path("receiver").asText())
                && context.wallet(Role.SENDER).id().equals(json.path("walletAddress").asText()),
            "an outgoing payment names the quote's receiver and the sender's wallet address",
            json::toString);
    context
        .verdicts()
        .should(
            quote.id().equals(json.path("quoteId").asText(null)),
            "an outgoing payment made from a quote names it in quoteId",
            json::toString);
  }

  @Then("the outgoing payment debits exactly {amount} from the sender")
  public void debitsExactly(String amount) {
    JsonNode debit = payment().path("debitAmount");
    JsonNode expected = Json.toTree(senderAmount(amount));
    context
        .verdicts()
        .must(
            debit.equals(expected),
            "an outgoing payment with a debitAmount debits exactly that amount",
            () -> "debitAmount " + debit + ", asked " + expected);
  }

  @Then("the outgoing payment has not failed")
  public void hasNotFailed() {
    JsonNode json = payment();
    context
        .verdicts()
        .must(
            !json.path("failed").asBoolean(false),
            "a payment the sender can afford does not fail",
            json::toString);
  }

  @Then("the outgoing payment has failed")
  public void hasFailed() {
    OutgoingPayment created = payments.lastOutgoing();
    boolean failed = Boolean.TRUE.equals(created.failed());
    if (!failed) {
      String token = grants.token(AccessType.OUTGOING_PAYMENT).value();
      Optional<OutgoingPayment> read =
          context.act(() -> context.client().outgoingPayment().get(created.id(), token));
      failed = read.map(p -> Boolean.TRUE.equals(p.failed())).orElse(false);
    }
    boolean observed = failed;
    context
        .verdicts()
        .must(
            observed,
            "an outgoing payment the wallet could not make says failed: true",
            () -> Json.write(created));
  }

  @Then("what the grant has spent, as the answer reports it, includes this payment")
  public void grantSpentIncludesThePayment() {
    JsonNode json = payment();
    JsonNode spent = json.path("grantSpentDebitAmount");
    JsonNode debit = json.path("debitAmount");
    if (spent.path("value").asText("").equals("0") && !debit.path("value").asText().equals("0")) {
      context
          .verdicts()
          .divergence(
              KnownDivergence.GRANT_SPENT_BEFORE_PAYMENT,
              "grantSpentDebitAmount " + spent + " for a payment of " + debit);
      return;
    }
    context
        .verdicts()
        .must(
            spent.equals(debit),
            "on the grant's first payment, grantSpentDebitAmount is the payment's debitAmount"
                + " (resource-server spec, outgoing-payment-with-spent-amounts)",
            () -> "grantSpentDebitAmount " + spent + ", debitAmount " + debit);
  }

  @Then("the sender's balance went down by what the quote debits")
  public void theSenderPaidTheQuote() {
    BigInteger after = context.balance(context.walletUrl(Role.SENDER));
    BigInteger debited = payments.senderBalanceBefore().subtract(after);
    BigInteger expected = payments.lastQuote().debitAmount().value();
    context
        .verdicts()
        .must(
            debited.equals(expected),
            "the sender pays exactly the quote's debitAmount",
            () -> "the balance went down by " + debited + ", the quote debits " + expected);
  }

  @Then("the incoming payment has received what the quote promised")
  public void theIncomingPaymentReceived() {
    IncomingPayment incoming = payments.lastIncoming();
    Amount promised = payments.lastQuote().receiveAmount();
    // A wallet that settles over Interledger credits the receiver a moment after the payment is
    // created; the receiver's own grant reads its incoming payment until the money is there.
    long deadline = System.nanoTime() + SETTLEMENT_TIMEOUT.toNanos();
    IncomingPayment read = readIncoming(incoming);
    Duration pause = Duration.ofMillis(200);
    while (read.receivedAmount().value().compareTo(promised.value()) < 0
        && System.nanoTime() < deadline) {
      sleep(pause);
      pause =
          pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0
              ? Duration.ofSeconds(2)
              : pause.multipliedBy(2);
      read = readIncoming(incoming);
    }
    IncomingPayment received = read;
    context
        .verdicts()
        .must(
            received.receivedAmount().assetCode().equals(promised.assetCode())
                && received.receivedAmount().value().compareTo(promised.value()) >= 0,
            "the receiver's incoming payment receives at least what the quote promised"
                + " (within "
                + SETTLEMENT_TIMEOUT.toSeconds()
                + " s)",
            () ->
                "received "
                    + HumanUnits.format(received.receivedAmount())
                    + ", promised "
                    + HumanUnits.format(promised));
    if (received.receivedAmount().value().compareTo(promised.value()) > 0) {
      context
          .verdicts()
          .note(
              "received more than the quote promised",
              "received "
                  + HumanUnits.format(received.receivedAmount())
                  + ", promised "
                  + HumanUnits.format(promised));
    }
  }

  private IncomingPayment readIncoming(IncomingPayment incoming) {
    String token = grants.incomingPaymentToken();
    return context.requireSuccess(
        context.act(() -> context.client().incomingPayment().get(incoming.id(), token)),
        "the receiver reads its incoming payment");
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the payment to arrive", e);
    }
  }

  @Then("the sender's balance is unchanged")
  public void theBalanceIsUnchanged() {
    BigInteger after = context.balance(context.walletUrl(Role.SENDER));
    BigInteger before = payments.senderBalanceBefore();
    context
        .verdicts()
        .must(
            after.equals(before),
            "a payment that was refused or failed takes nothing from the sender",
            () -> "balance " + before + " before, " + after + " after");
  }

  @Given("the sender's balance is {amount}")
  public void theSendersBalanceIs(String amount) {
    WalletAddress sender = context.wallet(Role.SENDER);
    SandboxAdmin admin = context.target().sandboxOf(sender.id());
    admin.setBalance(
        admin.walletAt(sender.id()).name(), HumanUnits.toBaseUnits(amount, sender.assetScale()));
  }

  @Given("the sender's wallet will fail its next payment")
  public void theSendersWalletWillFail() {
    String sender = context.walletUrl(Role.SENDER);
    SandboxAdmin admin = context.target().sandboxOf(sender);
    admin.failNextPayments(admin.walletAt(sender).name(), 1);
  }

  @When("the client reads the last outgoing payment")
  public void readsTheLastPayment() {
    OutgoingPayment last = payments.lastOutgoing();
    String token = grants.token(AccessType.OUTGOING_PAYMENT).value();
    context.act(() -> context.client().outgoingPayment().get(last.id(), token));
  }

  @Then("it is the outgoing payment that was created")
  public void itIsThePaymentCreated() {
    JsonNode json = payment();
    OutgoingPayment created = payments.lastOutgoing();
    context
        .verdicts()
        .must(
            created.id().equals(json.path("id").asText())
                && Json.toTree(created.debitAmount()).equals(json.path("debitAmount"))
                && Json.toTree(created.receiveAmount()).equals(json.path("receiveAmount"))
                && created.receiver().equals(json.path("receiver").asText()),
            "reading an outgoing payment gives back the one created",
            () -> "created " + Json.write(created) + ", read " + json);
  }

  @When("the client lists the first {int} outgoing payments of the sender")
  public void listsOutgoingPayments(int count) {
    WalletAddress sender = context.wallet(Role.SENDER);
    String token = grants.token(AccessType.OUTGOING_PAYMENT).value();
    context.act(
        () ->
            context
                .client()
                .outgoingPayment()
                .list(sender.resourceServer(), token, sender.id(), Pagination.first(count)));
  }

  @Then("the page holds the payments of {amount} and {amount}, newest first")
  public void thePageHoldsThePayments(String newest, String older) {
    List<OutgoingPayment> made = payments.outgoing();
    List<String> expected = List.of(made.get(made.size() - 1).id(), made.get(made.size() - 2).id());
    List<String> ids = new ArrayList<>();
    List<JsonNode> debits = new ArrayList<>();
    payment()
        .path("result")
        .forEach(
            item -> {
              ids.add(item.path("id").asText());
              debits.add(item.path("debitAmount"));
            });
    context
        .verdicts()
        .must(
            ids.equals(expected)
                && debits.equals(
                    List.of(Json.toTree(senderAmount(newest)), Json.toTree(senderAmount(older)))),
            "outgoing payments are listed newest first",
            () -> "expected " + expected + ", got " + ids + " debiting " + debits);
  }

  @When("the client asks what the outgoing-payment grant has spent")
  public void asksWhatTheGrantSpent() {
    WalletAddress sender = context.wallet(Role.SENDER);
    String token = grants.token(AccessType.OUTGOING_PAYMENT).value();
    context.act(
        () -> context.client().outgoingPayment().grantSpentAmounts(sender.resourceServer(), token));
  }

  @Then("the grant has spent {amount} from the sender")
  @Then("the grant has spent {amount} from the sender in this interval")
  public void theGrantHasSpent(String amount) {
    if (!"get-outgoing-payment-grant".equals(context.answer().operationId())) {
      asksWhatTheGrantSpent();
    }
    JsonNode spent = payment().path("spentDebitAmount");
    JsonNode expected = Json.toTree(senderAmount(amount));
    context
        .verdicts()
        .must(
            spent.equals(expected),
            "the grant reports what it has spent (in the current interval, when it has one)"
                + " (resource-server spec, get-outgoing-payment-grant)",
            () -> "spentDebitAmount " + spent + ", expected " + expected);
  }
}
