package dev.opkit.sandbox.admin;

import java.time.Instant;
import java.util.List;

/**
 * The client's report card of a session ({@code GET /admin/report}): every rule graded from what
 * the sandbox saw of the client.
 *
 * @param session the session's id
 * @param name the session's name
 * @param generatedAt when it was graded
 * @param passed how many rules passed
 * @param failed how many failed
 * @param notExercised how many nothing put to the test
 * @param mustBroken whether a MUST rule failed
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
    List<Rule> rules) {

  /**
   * One graded rule.
   *
   * @param id e.g. {@code honoured-wait}
   * @param title what the client must do
   * @param clause where the rule comes from
   * @param level {@code MUST} or {@code SHOULD}
   * @param verdict {@code passed}, {@code failed} or {@code not exercised}
   * @param explanation why
   * @param evidence the requests it rests on
   */
  public record Rule(
      String id,
      String title,
      String clause,
      String level,
      String verdict,
      String explanation,
      List<Evidence> evidence) {}

  /**
   * A request (or firing) a verdict rests on.
   *
   * @param sequence its number in the session's journal series
   * @param method the HTTP method, or null
   * @param path the path, or null
   * @param status the answer's status (0: dropped), or null
   * @param note what it shows
   */
  public record Evidence(long sequence, String method, String path, Integer status, String note) {}

  /** The verdict of one rule. */
  public String verdict(String ruleId) {
    return rules.stream()
        .filter(r -> r.id().equals(ruleId))
        .findFirst()
        .map(Rule::verdict)
        .orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId + " on the card"));
  }

  /** The rules that failed, by id. */
  public List<String> failedRules() {
    return rules.stream().filter(r -> r.verdict().equals("failed")).map(Rule::id).toList();
  }
}
