package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.protocol.gnap.GnapErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When its access token expired early, the client rotates it at its manage URL and goes on with the
 * new token (and the new manage URL), instead of failing or asking the user again.
 */
final class RotatedExpiredToken implements ClientRule {
  @Override
  public String id() {
    return "rotated-expired-token";
  }

  @Override
  public String title() {
    return "Rotates an expired access token and uses the new token and manage URL";
  }

  @Override
  public String clause() {
    return "RFC 9635 §6.1 (rotating the access token); Open Payments docs: rotate access token";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<MisbehaviourFiring> expired = trail.firings(MisbehaviourKind.TOKEN_EXPIRED_AFTER_PAYMENT);
    if (expired.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED,
          "no token expired early (misbehaviour token-expired-after-payment)",
          List.of());
    }
    List<Evidence> good = new ArrayList<>();
    for (MisbehaviourFiring firing : expired) {
      List<ClientExchange> after =
          trail.exchangesAfter(firing.sequence()).stream()
              .filter(e -> e.tokenTag() != null && firing.tokenTags().contains(e.tokenTag()))
              .toList();
      Optional<ClientExchange> rotation =
          after.stream()
              .filter(e -> e.operation().equals(Operations.POST_TOKEN) && e.status() == 200)
              .findFirst();
      List<ClientExchange> refusedUses =
          after.stream()
              .filter(e -> !e.operation().equals(Operations.POST_TOKEN) && e.status() >= 400)
              .toList();
      Optional<ClientExchange> refusedRotation =
          after.stream()
              .filter(
                  e ->
                      e.operation().equals(Operations.POST_TOKEN)
                          && GnapErrorCode.INVALID_ROTATION.code().equals(e.errorCode()))
              .findFirst();
      if (rotation.isEmpty() && refusedRotation.isPresent()) {
        // The wallet would not rotate (rotation-refused): stopping is all the client can do.
        long usedAfterRefusal =
            after.stream().filter(e -> e.sequence() > refusedRotation.get().sequence()).count();
        if (usedAfterRefusal > 0 || refusedUses.size() > 1) {
          return result(
              Verdict.FAILED,
              "the client kept using the expired token after the wallet refused to rotate it",
              List.of(ClientTrail.evidence(refusedRotation.get(), "rotation refused")));
        }
        good.add(
            ClientTrail.evidence(
                refusedRotation.get(), "tried to rotate; the wallet refused; the client stopped"));
        continue;
      }
      if (rotation.isEmpty()) {
        if (refusedUses.isEmpty()) {
          return result(
              Verdict.NOT_EXERCISED,
              "the client did not use its token again after it expired",
              List.of(ClientTrail.evidence(firing, "token expired")));
        }
        return result(
            Verdict.FAILED,
            "the client kept using an expired token and never rotated it",
            refusedUses.stream().map(e -> ClientTrail.evidence(e, "refused: expired")).toList());
      }
      if (refusedUses.size() > 1) {
        return result(
            Verdict.FAILED,
            "the client used the expired token again after the refusal that told it",
            refusedUses.stream().map(e -> ClientTrail.evidence(e, "refused: expired")).toList());
      }
      long usedAfterRotation =
          after.stream().filter(e -> e.sequence() > rotation.get().sequence()).count();
      if (usedAfterRotation > 0) {
        return result(
            Verdict.FAILED,
            "the client went on with the old token after rotating it",
            List.of(ClientTrail.evidence(rotation.get(), "rotated here")));
      }
      good.add(ClientTrail.evidence(rotation.get(), "rotated the expired token"));
    }
    return result(
        Verdict.PASSED,
        expired.size()
            + " tokens expired early; the client rotated each (or stopped where the wallet"
            + " refused to)",
        good);
  }
}
