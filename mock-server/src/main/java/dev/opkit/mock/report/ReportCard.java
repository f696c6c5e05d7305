package dev.opkit.mock.report;

import java.time.Instant;
import java.util.List;

/**
 * The client's report card for one session: every rule graded from what the sandbox saw.
 *
 * @param session the session's id
 * @param name the session's name
 * @param generatedAt when it was graded (real time)
 * @param passed how many rules passed
 * @param failed how many failed
 * @param notExercised how many nothing put to the test
 * @param mustBroken whether a MUST rule failed (a runner exits non-zero then)
 * @param rules the rules, graded
 */
public record ReportCard(
    String session,
    String name,
    Instant generatedAt,
    int passed,
    int failed,
    int notExercised,
    boolean mustBroken,
    List<RuleResult> rules) {

  public ReportCard {
    rules = List.copyOf(rules);
  }

  /** The card of these results. */
  public static ReportCard of(String session, String name, Instant at, List<RuleResult> rules) {
    return new ReportCard(
        session,
        name,
        at,
        count(rules, Verdict.PASSED),
        count(rules, Verdict.FAILED),
        count(rules, Verdict.NOT_EXERCISED),
        rules.stream().anyMatch(r -> r.verdict() == Verdict.FAILED && r.level().equals("MUST")),
        rules);
  }

  private static int count(List<RuleResult> rules, Verdict verdict) {
    return (int) rules.stream().filter(r -> r.verdict() == verdict).count();
  }
}
