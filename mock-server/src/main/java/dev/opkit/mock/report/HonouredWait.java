package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * Continuation waits {@code continue.wait} seconds after the grant response or the previous
 * continuation (the sandbox answers {@code too_fast} otherwise), and a grant with a finish URI is
 * continued with its {@code interact_ref}, never polled.
 */
final class HonouredWait implements ClientRule {
  @Override
  public String id() {
    return "honoured-wait";
  }

  @Override
  public String title() {
    return "Waits continue.wait seconds between continuations and never polls a grant that has a"
        + " finish URI";
  }

  @Override
  public String clause() {
    return "RFC 9635 §3.1 (wait), §5, §5.2 (polling), §3.6 (too_fast)";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<ClientExchange> continuations =
        trail.exchanges().stream()
            .filter(e -> e.operation().equals(Operations.POST_CONTINUE))
            .toList();
    if (continuations.isEmpty()) {
      return result(Verdict.NOT_EXERCISED, "the client continued no grant", List.of());
    }
    List<Evidence> faults = new ArrayList<>();
    for (ClientExchange e : continuations) {
      if ("too_fast".equals(e.errorCode())) {
        faults.add(ClientTrail.evidence(e, "continued before continue.wait was over: too_fast"));
      } else if ("poll".equals(e.detail())
          && trail.finishContinueIds().contains(continueId(e.path()))) {
        faults.add(
            ClientTrail.evidence(e, "polled a grant that has a finish URI (no interact_ref)"));
      }
    }
    return faults.isEmpty()
        ? result(
            Verdict.PASSED,
            continuations.size() + " continuations, each after its wait and as the grant asks",
            List.of())
        : result(Verdict.FAILED, faults.size() + " continuations broke the rule", faults);
  }

  private static String continueId(String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return bare.replaceAll("/+$", "").substring(bare.replaceAll("/+$", "").lastIndexOf('/') + 1);
  }
}
