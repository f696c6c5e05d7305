package dev.opkit.mock.report;

import dev.opkit.mock.store.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Signatures cover what Open Payments requires: {@code @method} and {@code @target-uri} always,
 * {@code authorization} with a token, {@code content-digest} with a body. The sandbox's verifier
 * checks it on every request ({@code CoveredComponents} in the protocol module); this rule grades
 * its refusals.
 */
final class CoveredComponentsRule implements ClientRule {
  private static final Set<String> COVERAGE_FAILURES =
      Set.of(
          "COMPONENT_NOT_COVERED",
          "DIGEST_MISSING",
          "COVERED_HEADER_MISSING",
          "BODY_HEADER_MISSING");

  @Override
  public String id() {
    return "covered-components";
  }

  @Override
  public String title() {
    return "Covers @method, @target-uri, authorization (with a token) and content-digest (with a"
        + " body)";
  }

  @Override
  public String clause() {
    return "RFC 9421 §2, §7.2.1; Open Payments docs: HTTP signatures (signature-input)";
  }

  @Override
  public String level() {
    return "MUST";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    if (trail.entries().isEmpty()) {
      return result(Verdict.NOT_EXERCISED, "the client sent no signed request", List.of());
    }
    List<Evidence> faults = new ArrayList<>();
    for (JournalEntry entry : trail.entries()) {
      if (entry.refused() && COVERAGE_FAILURES.contains(entry.reason())) {
        faults.add(ClientTrail.evidence(entry, entry.description()));
      }
    }
    return faults.isEmpty()
        ? result(
            Verdict.PASSED,
            "every one of " + trail.entries().size() + " signed requests covered what it must",
            List.of())
        : result(
            Verdict.FAILED, faults.size() + " signatures left a required component out", faults);
  }
}
