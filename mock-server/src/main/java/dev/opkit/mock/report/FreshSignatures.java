package dev.opkit.mock.report;

import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.store.JournalEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request is signed anew: no signed request arrives twice byte for byte within its validity
 * (RFC 9421 §7.2.2: a signature alone does not stop replays), and none with a stale {@code
 * created}.
 */
final class FreshSignatures implements ClientRule {
  @Override
  public String id() {
    return "fresh-signatures";
  }

  @Override
  public String title() {
    return "Signs every request anew (no replayed or stale signature)";
  }

  @Override
  public String clause() {
    return "RFC 9421 §7.2.2, §2.3 (created); Open Payments docs: HTTP signatures";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    if (trail.entries().isEmpty()) {
      return result(Verdict.NOT_EXERCISED, "the client sent no signed request", List.of());
    }
    List<Evidence> faults = new ArrayList<>();
    for (JournalEntry entry : trail.entries()) {
      if (entry.possibleReplay() != null || ClientSignatures.REPLAY.equals(entry.reason())) {
        faults.add(
            ClientTrail.evidence(
                entry,
                "the same signed request as entry "
                    + (entry.possibleReplay() == null
                        ? "before"
                        : entry.possibleReplay().firstSequence())));
      } else if ("CREATED_TOO_OLD".equals(entry.reason()) || "EXPIRED".equals(entry.reason())) {
        faults.add(ClientTrail.evidence(entry, "signature too old: " + entry.reason()));
      }
    }
    return faults.isEmpty()
        ? result(
            Verdict.PASSED,
            trail.entries().size() + " signed requests, each with a signature of its own",
            List.of())
        : result(
            Verdict.FAILED,
            faults.size() + " signed requests were replays or carried a stale signature",
            faults);
  }
}
