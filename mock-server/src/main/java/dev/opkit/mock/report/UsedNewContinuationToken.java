package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.ArrayList;
import java.util.List;

/**
 * When a continuation answer carries a new continuation access token, the client continues (or
 * cancels) with the new one: the old one is dead.
 */
final class UsedNewContinuationToken implements ClientRule {
  @Override
  public String id() {
    return "used-new-continuation-token";
  }

  @Override
  public String title() {
    return "Continues and cancels with the continuation token of the latest answer";
  }

  @Override
  public String clause() {
    return "RFC 9635 §5 (the client MUST use the new continuation token), §5.1, §5.2, §5.4";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> rotated = trail.firings(MisbehaviourKind.CONTINUATION_TOKEN_ROTATED);
    if (rotated.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no continuation token was rotated (misbehaviour continuation-token-rotated)",
          List.of());
    }
    List<Evidence> stale = new ArrayList<>();
    for (MisbehaviourFiring firing : rotated) {
      List<ClientExchange> withOld =
          trail.exchangesAfter(firing.sequence()).stream()
              .filter(UsedNewContinuationToken::continuation)
              .filter(e -> firing.tokenTags().contains(e.tokenTag()))
              .toList();
      if (withOld.isEmpty() || withOld.get(0).status() == 0) {
        // the answer that carried the new token was lost: the client never saw it
        continue;
      }
      // the first is the continuation answered with the new token; the wallet refuses the rest
      withOld.stream()
          .skip(1)
          .map(
              e ->
                  ClientTrail.evidence(
                      e, "used the continuation token rotated away at #" + firing.sequence()))
          .forEach(stale::add);
    }
    if (!stale.isEmpty()) {
      return result(
          Verdict.FAILED,
          "the client used a continuation token after the wallet replaced it",
          stale);
    }
    return result(
        Verdict.PASSED,
        rotated.size() + " continuation tokens rotated; the client never used an old one",
        rotated.stream().map(f -> ClientTrail.evidence(f, "continuation token rotated")).toList());
  }

  private static boolean continuation(ClientExchange e) {
    return e.operation().equals(Operations.POST_CONTINUE)
        || e.operation().equals(Operations.DELETE_CONTINUE);
  }
}
