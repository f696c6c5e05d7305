package dev.opkit.conformance.steps;

import dev.opkit.client.Pagination;
import dev.opkit.conformance.grading.KnownDivergence;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Interval limits of outgoing-payment grants (ISO 8601 repeating intervals as PROTOCOL.md §6 reads
 * them) and the guide's recurring journey across intervals: payments within an interval's limit,
 * refusals past it, the next interval, and the end of the grant's repetitions.
 */
public final class IntervalSteps {
  private final ScenarioContext context;
  private final Grants grants;
  private final Payments payments;
  private final TokenSteps tokens;

  public IntervalSteps(
      ScenarioContext context, Grants grants, Payments payments, TokenSteps tokens) {
    this.context = context;
    this.grants = grants;
    this.payments = payments;
    this.tokens = tokens;
  }

  @Then("both payments went through")
  public void bothWentThrough() {
    List<Boolean> outcomes = payments.paymentsWentThrough();
    context
        .verdicts()
        .must(
            outcomes.size() >= 2
                && outcomes.get(outcomes.size() - 1)
                && outcomes.get(outcomes.size() - 2),
            "payments that together stay within the interval's limit are accepted",
            outcomes::toString);
  }

  @Then("the payment went through")
  public void thePaymentWentThrough() {
    context
        .verdicts()
        .must(
            context.refusal().isEmpty(),
            "a payment within the interval's limit is accepted",
            () -> context.refusal().map(Throwable::getMessage).orElse(""));
  }

  @Then("the resource server refuses the payment as over the limit")
  public void refusedOverTheLimit() {
    String rule =
        "a payment that would pass the interval's limit is refused with 403 (resource-server"
            + " spec, create-outgoing-payment)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error ->
                context
                    .verdicts()
                    .expect(error.status() == 403, rule, () -> "answered " + error.status()));
  }

  @When("the next interval begins")
  public void theNextIntervalBegins() {
    RepeatingInterval interval = grants.interval();
    IntervalWindow current =
        grants
            .currentWindow(WindowCounting.RAFIKI_N_PLUS_ONE)
            .orElseThrow(
                () ->
                    new IllegalStateException("the wallet's time is outside the grant's interval"));
    IntervalWindow next =
        interval
            .window(current.index() + 1, WindowCounting.RAFIKI_N_PLUS_ONE)
            .orElseThrow(
                () -> new IllegalStateException("the grant's interval has no next window"));
    context.target().sandbox().setClock(next.start().plusSeconds(1));
  }

  @Then("a payment of {amount} to the receiver is refused in the same interval")
  public void aSecondPaymentIsRefused(String amount) {
    Amount debit = payments.amount(Role.SENDER, amount);
    Optional<OutgoingPayment> second = payments.payReceiver(debit);
    String rule =
        "a payment past what the interval's limit leaves is refused with 403"
            + " (resource-server spec, create-outgoing-payment)";
    context
        .verdicts()
        .must(
            second.isEmpty(),
            rule,
            () ->
                "a second payment of "
                    + amount
                    + " was accepted: "
                    + second.map(OutgoingPayment::id).orElse(""));
    refusedOverTheLimit();
    payments.secondPaymentRefused(
        grants
            .currentWindow(WindowCounting.RAFIKI_N_PLUS_ONE)
            .map(IntervalWindow::toString)
            .orElse("?"));
  }

  @When(
      "the client pays {amount} to the receiver in every later interval of the grant, rotating the token first")
  public void paysEveryLaterInterval(String amount) {
    long windows =
        grants
            .interval()
            .windowCount(WindowCounting.SPEC_N)
            .orElseThrow(() -> new IllegalStateException("the grant repeats without end"));
    Amount debit = payments.amount(Role.SENDER, amount);
    for (long index = 1; index < windows; index++) {
      theNextIntervalBegins();
      context.requireSuccess(
          tokens.rotate(AccessType.OUTGOING_PAYMENT), "the token is rotated (the guide's step 11)");
      context.requireSuccess(
          payments.payReceiver(debit),
          "interval " + (index + 1) + " is paid (the guide's step 12)");
      aSecondPaymentIsRefused(amount);
    }
  }

  @Then("a payment of {amount} to the receiver is refused after the last repetition")
  public void refusedAfterTheLastRepetition(String amount) {
    RepeatingInterval interval = grants.interval();
    long windows =
        interval
            .windowCount(WindowCounting.SPEC_N)
            .orElseThrow(() -> new IllegalStateException("the grant repeats without end"));
    IntervalWindow last = interval.window(windows - 1, WindowCounting.SPEC_N).orElseThrow();
    moveAtLeastTo(last.end());
    String rule =
        "after the last of its n repetitions the grant pays nothing more (ISO 8601 R<n>; the"
            + " guide's R3 is three months)";
    Optional<OutgoingPayment> extra = payAfterRefreshingToken(amount);
    if (extra.isEmpty()) {
      refusedOverTheLimit();
      return;
    }
    context
        .verdicts()
        .divergence(
            KnownDivergence.INTERVAL_N_PLUS_ONE_WINDOWS,
            "R"
                + windows
                + " accepted a payment in interval "
                + (windows + 1)
                + ": "
                + extra.get().id());
    IntervalWindow beyond =
        interval.window(windows, WindowCounting.RAFIKI_N_PLUS_ONE).orElseThrow();
    moveAtLeastTo(beyond.end());
    Optional<OutgoingPayment> more = payAfterRefreshingToken(amount);
    context
        .verdicts()
        .must(
            more.isEmpty(),
            rule + "; even counted as Rafiki does, n+1 intervals at most",
            () -> "accepted " + more.map(OutgoingPayment::id).orElse(""));
    refusedOverTheLimit();
  }

  private void moveAtLeastTo(Instant instant) {
    if (grants.now().isBefore(instant)) {
      context.target().sandbox().setClock(instant.plusSeconds(1));
    }
  }

  /** Pays, rotating the outgoing-payment token first when it has run out, as step 11 does. */
  private Optional<OutgoingPayment> payAfterRefreshingToken(String amount) {
    AccessToken token = grants.token(AccessType.OUTGOING_PAYMENT);
    Instant issued = grants.issuedAt(AccessType.OUTGOING_PAYMENT);
    if (token.expiresIn() != null
        && !grants.now().isBefore(issued.plusSeconds(token.expiresIn()))) {
      context.requireSuccess(
          tokens.rotate(AccessType.OUTGOING_PAYMENT), "the expired token is rotated");
    }
    return payments.payReceiver(payments.amount(Role.SENDER, amount));
  }

  @Then("the sender has paid {int} payment(s) of {amount}")
  public void theSenderHasPaid(int count, String amount) {
    WalletAddress sender = context.wallet(Role.SENDER);
    Amount each = payments.amount(Role.SENDER, amount);
    BigInteger paid = context.openingBalance(Role.SENDER).subtract(context.balance(sender.id()));
    BigInteger expected = each.value().multiply(BigInteger.valueOf(count));
    context
        .verdicts()
        .must(
            paid.equals(expected),
            "the sender pays exactly the debit amount of each payment, once per interval",
            () -> "the sender's balance went down by " + paid + ", expected " + expected);
    String token = grants.token(AccessType.OUTGOING_PAYMENT).value();
    List<OutgoingPayment> listed =
        context.requireSuccess(
            context.act(
                () ->
                    context
                        .client()
                        .outgoingPayment()
                        .list(sender.resourceServer(), token, sender.id(), Pagination.first(100))
                        .result()),
            "the sender's outgoing payments are listed");
    long made = listed.stream().filter(p -> !Boolean.TRUE.equals(p.failed())).count();
    context
        .verdicts()
        .must(
            made == count,
            "the sender's wallet lists one outgoing payment per paid interval",
            () -> made + " payments listed");
  }

  @Then("the receiver has received what the quotes promised")
  public void theReceiverHasReceived() {
    BigInteger promised = BigInteger.ZERO;
    List<String> paidQuotes = payments.outgoing().stream().map(OutgoingPayment::quoteId).toList();
    for (Quote quote : payments.quotes()) {
      if (paidQuotes.contains(quote.id())) {
        promised = promised.add(quote.receiveAmount().value());
      }
    }
    String receiver = context.walletUrl(Role.RECEIVER);
    BigInteger received = context.balance(receiver).subtract(context.openingBalance(Role.RECEIVER));
    BigInteger expected = promised;
    context
        .verdicts()
        .must(
            received.equals(expected),
            "the receiver gets what the quotes of the payments promised",
            () -> "received " + received + ", promised " + expected);
  }

  @Then("each interval's payment was refused a second payment")
  public void eachIntervalRefusedASecondPayment() {
    long windows = grants.interval().windowCount(WindowCounting.SPEC_N).orElseThrow();
    List<String> refused = payments.refusedSecondPayments();
    context
        .verdicts()
        .must(
            refused.size() == windows,
            "in every interval the limit allowed exactly one payment",
            () ->
                "second payments were refused in "
                    + refused.size()
                    + " of "
                    + windows
                    + " intervals");
  }
}
