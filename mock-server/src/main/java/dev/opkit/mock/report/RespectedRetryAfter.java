package dev.opkit.mock.report;

import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** After a {@code 429} with {@code Retry-After}, the client sends nothing before that time. */
final class RespectedRetryAfter implements ClientRule {
  @Override
  public String id() {
    return "respected-retry-after";
  }

  @Override
  public String title() {
    return "Waits as long as Retry-After says after a 429";
  }

  @Override
  public String clause() {
    return "RFC 9110 §10.2.3 (Retry-After); RFC 6585 §4 (429)";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> limited = trail.firings(MisbehaviourKind.RATE_LIMITED);
    if (limited.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no request was answered 429 (misbehaviour rate-limited)",
          List.of());
    }
    List<Evidence> faults = new ArrayList<>();
    for (MisbehaviourFiring firing : limited) {
      Instant allowed = firing.at().plus(firing.retryAfter());
      // The 429's own exchange is the first after its firing.
      trail.exchangesAfter(firing.sequence()).stream()
          .skip(1)
          .filter(e -> e.at().isBefore(allowed))
          .findFirst()
          .map(
              e ->
                  ClientTrail.evidence(
                      e,
                      "sent "
                          + (e.at().toEpochMilli() - firing.at().toEpochMilli())
                          + " ms after a 429 that said Retry-After: "
                          + firing.retryAfter().toSeconds()))
          .ifPresent(faults::add);
    }
    return faults.isEmpty()
        ? result(
            Verdict.PASSED,
            limited.size() + " answers 429; the client waited each time",
            List.of(ClientTrail.evidence(limited.get(0), "429 sent")))
        : result(Verdict.FAILED, "the client came back before Retry-After", faults);
  }
}
