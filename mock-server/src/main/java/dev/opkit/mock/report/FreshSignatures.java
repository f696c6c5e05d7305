package dev.opkit.mock.report;

import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.store.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request is signed anew: no signed request arrives again byte for byte a second or more
 * after the first (RFC 9421 §7.2.2: a signature alone does not stop replays; a fresh signing has a
 * newer {@code created}), and none with a stale {@code created}. Two identical requests signed
 * within the same second are identical by construction for a client that sends no nonce (the Open
 * Payments SDKs send none), so they are counted, not failed.
 */
final class FreshSignatures implements ClientRule {
  private static final Duration SECOND = Duration.ofSeconds(1);

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
    int sameSecond = 0;
    List<Evidence> faults = new ArrayList<>();
    for (JournalEntry entry : trail.entries()) {
      if (entry.possibleReplay() != null
          && Duration.between(entry.possibleReplay().firstSeen(), entry.at()).compareTo(SECOND)
              < 0) {
        sameSecond++;
      } else if (entry.possibleReplay() != null || ClientSignatures.REPLAY.equals(entry.reason())) {
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
            trail.entries().size()
                + " signed requests, each with a signature of its own"
                + (sameSecond == 0
                    ? ""
                    : " (" + sameSecond + " sent again within the second they were signed in)"),
            List.of())
        : result(
            Verdict.FAILED,
            faults.size() + " signed requests were replays or carried a stale signature",
            faults);
  }
}
