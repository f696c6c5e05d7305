package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The client checks the finish redirect's {@code hash} before it continues: after a {@code
 * wrong-finish-hash} redirect it does not continue that grant with the {@code interact_ref}.
 */
final class CheckedFinishHash implements ClientRule {
  @Override
  public String id() {
    return "checked-finish-hash";
  }

  @Override
  public String title() {
    return "Checks the finish hash and does not continue after a wrong one";
  }

  @Override
  public String clause() {
    return "RFC 9635 §4.2.3 (calculating the interaction hash), §4.2.1";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> wrong = trail.firings(MisbehaviourKind.WRONG_FINISH_HASH);
    if (wrong.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no finish redirect with a wrong hash was sent (misbehaviour wrong-finish-hash)",
          List.of());
    }
    List<Evidence> faults = new ArrayList<>();
    for (MisbehaviourFiring firing : wrong) {
      for (ClientExchange e : trail.exchangesAfter(firing.sequence())) {
        if (e.operation().equals(Operations.POST_CONTINUE)
            && "interact_ref".equals(e.detail())
            && e.path().contains("/continue/" + firing.continueId())) {
          faults.add(
              ClientTrail.evidence(
                  e,
                  "continued with the interact_ref of a redirect whose hash was wrong (entry "
                      + firing.sequence()
                      + ")"));
        }
      }
    }
    return faults.isEmpty()
        ? result(
            Verdict.PASSED,
            wrong.size() + " redirects with a wrong hash; the client continued none of them",
            List.of(ClientTrail.evidence(wrong.get(0), "wrong hash sent")))
        : result(Verdict.FAILED, "the client did not verify the finish hash", faults);
  }
}
