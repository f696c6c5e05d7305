package dev.opkit.mock.report;

import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.List;

/**
 * Once its token was revoked, the client stops using it: at most one further attempt with it (e.g.
 * a rotation) after the refusal that told it, instead of hammering the wallet.
 */
final class StoppedAfterRevocation implements ClientRule {
  /**
   * Refused requests with a revoked token that are still fine: the one that tells, and one more.
   */
  static final int ALLOWED_REFUSALS = 2;

  @Override
  public String id() {
    return "stopped-after-revocation";
  }

  @Override
  public String title() {
    return "Stops on a revoked token: at most one further attempt after the refusal";
  }

  @Override
  public String clause() {
    return "RFC 9635 §6.2 (revoking), §7.2 (token use); Open Payments docs: grant revocation";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> revoked = trail.firings(MisbehaviourKind.TOKEN_REVOKED_AFTER_PAYMENT);
    if (revoked.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no token was revoked (misbehaviour token-revoked-after-payment)",
          List.of());
    }
    for (MisbehaviourFiring firing : revoked) {
      List<ClientExchange> refused =
          trail.exchangesAfter(firing.sequence()).stream()
              .filter(e -> e.tokenTag() != null && firing.tokenTags().contains(e.tokenTag()))
              .filter(e -> e.status() >= 400)
              .toList();
      if (refused.size() > ALLOWED_REFUSALS) {
        return result(
            Verdict.FAILED,
            "the client used a revoked token "
                + refused.size()
                + " times after it was revoked (at most "
                + ALLOWED_REFUSALS
                + " are fine)",
            refused.stream().map(e -> ClientTrail.evidence(e, "refused: revoked token")).toList());
      }
    }
    return result(
        Verdict.PASSED,
        "the client stopped using each revoked token",
        List.of(ClientTrail.evidence(revoked.get(0), "token revoked")));
  }
}
