package dev.opkit.mock.report;

import java.util.List;

/**
 * One rule on the report card, graded.
 *
 * @param id a stable name, e.g. {@code honoured-wait}
 * @param title what the client must do, in words
 * @param clause where the rule comes from (RFC section or Open Payments docs page)
 * @param level {@code MUST} or {@code SHOULD}
 * @param verdict the grade
 * @param explanation why this grade
 * @param evidence the requests it rests on (the first few)
 */
public record RuleResult(
    String id,
    String title,
    String clause,
    String level,
    Verdict verdict,
    String explanation,
    List<Evidence> evidence) {

  /** How many pieces of evidence a result lists at most. */
  public static final int MAX_EVIDENCE = 10;

  public RuleResult {
    evidence = List.copyOf(evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE)));
  }
}
