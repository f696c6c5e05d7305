package dev.opkit.conformance.report;

import java.util.List;

/**
 * One scenario's grade and what explains it.
 *
 * @param feature the feature file, relative to {@code features/}
 * @param line the scenario's line in it
 * @param name the scenario's name
 * @param grade how it came out
 * @param reason the rule broken (failed) or why it was skipped; null otherwise
 * @param findings the divergences and unmet SHOULDs, each a title and its details
 * @param exchanges the last requests and responses, for a failure; null otherwise
 */
public record ScenarioOutcome(
    String feature,
    int line,
    String name,
    Grade grade,
    String reason,
    List<Finding> findings,
    String exchanges) {

  public ScenarioOutcome {
    findings = List.copyOf(findings);
  }

  /** {@code grants/request-grant.feature:12}. */
  public String location() {
    return feature + ":" + line;
  }

  /**
   * A divergence or unmet SHOULD.
   *
   * @param title its name
   * @param details the spec's rule, who differs, and what was observed
   */
  public record Finding(String title, String details) {}
}
