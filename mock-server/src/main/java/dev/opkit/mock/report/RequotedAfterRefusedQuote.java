package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * After a quote expired early or its receiver completed or expired, a refused payment is followed
 * by a new quote before the client pays again: repeating the payment with the same quote is refused
 * the same way every time.
 */
final class RequotedAfterRefusedQuote implements ClientRule {
  private static final List<MisbehaviourKind> KINDS =
      List.of(
          MisbehaviourKind.QUOTE_EXPIRES_EARLY,
          MisbehaviourKind.RECEIVER_COMPLETED,
          MisbehaviourKind.RECEIVER_EXPIRED);

  @Override
  public String id() {
    return "requoted-after-refused-quote";
  }

  @Override
  public String title() {
    return "Gets a new quote after a payment was refused for an expired quote or an ended receiver";
  }

  @Override
  public String clause() {
    return "Open Payments docs: quotes (expiresAt: the quote is no longer valid after it), create"
        + " outgoing payment (400 for an invalid quote)";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> fired =
        KINDS.stream().flatMap(k -> trail.firings(k).stream()).toList();
    if (fired.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no quote expired early and no receiver ended after its quote (misbehaviours"
              + " quote-expires-early, receiver-completed, receiver-expired)",
          List.of());
    }
    long first = fired.stream().mapToLong(MisbehaviourFiring::sequence).min().orElseThrow();
    List<ClientExchange> after = trail.exchangesAfter(first);
    List<ClientExchange> refusals =
        after.stream()
            .filter(e -> e.operation().equals(Operations.CREATE_OUTGOING_PAYMENT))
            .filter(e -> e.status() == 400)
            .toList();
    boolean paidAfter =
        after.stream().anyMatch(e -> e.operation().equals(Operations.CREATE_OUTGOING_PAYMENT));
    if (!paidAfter) {
      return result(
          Verdict.NOT_EXERCISED,
          "the client created no outgoing payment after the quote was spoilt",
          List.of(ClientTrail.evidence(fired.get(0), fired.get(0).kind().wire())));
    }
    if (refusals.isEmpty()) {
      return result(
          Verdict.PASSED,
          "no payment was refused: the client did not pay with the spoilt quote",
          List.of(ClientTrail.evidence(fired.get(0), fired.get(0).kind().wire())));
    }
    List<Evidence> faults = new ArrayList<>();
    List<Evidence> good = new ArrayList<>();
    for (ClientExchange refusal : refusals) {
      Optional<ClientExchange> next =
          trail.exchangesAfter(refusal.sequence()).stream()
              .filter(e -> isPayment(e) || isNewQuote(e))
              .findFirst();
      if (next.isPresent() && isPayment(next.get())) {
        faults.add(
            ClientTrail.evidence(
                next.get(),
                "paid again without a new quote after the refusal in entry " + refusal.sequence()));
      } else {
        next.ifPresent(e -> good.add(ClientTrail.evidence(e, "a new quote after the refusal")));
      }
    }
    if (!faults.isEmpty()) {
      return result(
          Verdict.FAILED, "the client repeated a refused payment with the same quote", faults);
    }
    return result(
        Verdict.PASSED,
        refusals.size() + " payments refused; the client got a new quote before paying again",
        Stream.concat(refusals.stream().map(e -> ClientTrail.evidence(e, "refused")), good.stream())
            .toList());
  }

  private static boolean isPayment(ClientExchange e) {
    return e.operation().equals(Operations.CREATE_OUTGOING_PAYMENT);
  }

  private static boolean isNewQuote(ClientExchange e) {
    return e.operation().equals("create-quote") && e.status() / 100 == 2;
  }
}
