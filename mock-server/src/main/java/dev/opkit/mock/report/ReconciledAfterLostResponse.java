package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After an outgoing payment's answer was lost (it was stored; the connection closed), the client
 * looks for it (lists or reads outgoing payments) before it creates another: Open Payments has no
 * idempotency key, so a blind retry pays twice.
 */
final class ReconciledAfterLostResponse implements ClientRule {
  @Override
  public String id() {
    return "reconciled-after-lost-response";
  }

  @Override
  public String title() {
    return "Never pays twice after a lost response: lists or reads outgoing payments before paying"
        + " again";
  }

  @Override
  public String clause() {
    return "RFC 9110 §9.2.2 (POST is not idempotent); Open Payments docs: create outgoing payment"
        + " (no idempotency key)";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> lost =
        trail.firings(MisbehaviourKind.RESPONSE_LOST).stream()
            .filter(f -> Operations.CREATE_OUTGOING_PAYMENT.equals(f.operation()))
            .toList();
    if (lost.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no outgoing payment's answer was lost (misbehaviour response-lost on"
              + " create-outgoing-payment)",
          List.of());
    }
    List<Evidence> faults = new ArrayList<>();
    List<Evidence> good = new ArrayList<>();
    for (MisbehaviourFiring firing : lost) {
      // The dropped exchange itself is the first after the firing.
      List<ClientExchange> after = trail.exchangesAfter(firing.sequence());
      Optional<ClientExchange> reconciled = Optional.empty();
      for (ClientExchange e : after.subList(Math.min(1, after.size()), after.size())) {
        if (e.operation().equals(Operations.LIST_OUTGOING_PAYMENTS)
            || e.operation().equals(Operations.GET_OUTGOING_PAYMENT)) {
          reconciled = Optional.of(e);
          break;
        }
        if (e.operation().equals(Operations.CREATE_OUTGOING_PAYMENT)) {
          faults.add(
              ClientTrail.evidence(
                  e,
                  "created another outgoing payment without looking for the one whose answer was"
                      + " lost (entry "
                      + firing.sequence()
                      + ")"));
          break;
        }
      }
      reconciled.ifPresent(e -> good.add(ClientTrail.evidence(e, "looked for the lost payment")));
    }
    if (!faults.isEmpty()) {
      return result(Verdict.FAILED, "the client paid again blindly after a lost answer", faults);
    }
    return result(
        Verdict.PASSED,
        lost.size() + " answers lost; the client never paid again without looking first",
        good);
  }
}
