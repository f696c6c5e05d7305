package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * After a rotation the client uses the new access token and the new manage URL only: no request
 * with the old token, and no rotation or revocation at the old manage URL.
 */
final class UsedNewManageUrl implements ClientRule {
  @Override
  public String id() {
    return "used-new-manage-url";
  }

  @Override
  public String title() {
    return "Uses the new access token and manage URL after a rotation";
  }

  @Override
  public String clause() {
    return "RFC 9635 §6.1 (the client MUST use the new access token and management URI)";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<ClientExchange> rotations =
        trail.exchanges().stream()
            .filter(e -> e.operation().equals(Operations.POST_TOKEN) && e.status() == 200)
            .toList();
    if (rotations.isEmpty()) {
      return result(Verdict.NOT_EXERCISED, "the client rotated no access token", List.of());
    }
    List<Evidence> stale = new ArrayList<>();
    for (ClientExchange rotation : rotations) {
      for (ClientExchange e : trail.exchangesAfter(rotation.sequence())) {
        boolean oldToken = e.tokenTag() != null && e.tokenTag().equals(rotation.tokenTag());
        boolean oldManageUrl = management(e) && e.path().equals(rotation.path());
        if (oldToken || oldManageUrl) {
          stale.add(
              ClientTrail.evidence(
                  e,
                  (oldToken ? "the old access token" : "the old manage URL")
                      + " of the rotation at #"
                      + rotation.sequence()));
        }
      }
    }
    if (!stale.isEmpty()) {
      return result(
          Verdict.FAILED, "the client went on with what a rotation replaced", List.copyOf(stale));
    }
    return result(
        Verdict.PASSED,
        rotations.size() + " rotations; the client used only the new token and manage URL",
        rotations.stream().map(r -> ClientTrail.evidence(r, "rotated")).toList());
  }

  private static boolean management(ClientExchange e) {
    return e.operation().equals(Operations.POST_TOKEN)
        || e.operation().equals(Operations.DELETE_TOKEN);
  }
}
