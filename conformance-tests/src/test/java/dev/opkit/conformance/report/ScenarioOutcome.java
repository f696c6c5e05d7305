package dev.opkit.conformance.report;

import dev.opkit.conformance.grading.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One scenario's grade and what explains it.
 *
 * @param feature the feature file, relative to {@code features/}
 * @param line the scenario's line in it (an example's line for a scenario outline)
 * @param name the scenario's name
 * @param grade how it came out
 * @param reason the rule broken (failed) or why it was skipped; null otherwise
 * @param findings the divergences, unmet SHOULDs and notes, in the order they were found
 * @param exchanges the last requests and responses, for a failure; null otherwise
 * @param duration how long it ran
 */
public record ScenarioOutcome(
    String feature,
    int line,
    String name,
    Grade grade,
    String reason,
    List<Finding> findings,
    String exchanges,
    Duration duration) {

  public ScenarioOutcome {
    findings = List.copyOf(findings);
    Objects.requireNonNull(duration, "duration");
  }

  /** An outcome whose duration does not matter, e.g. in a test. */
  public ScenarioOutcome(
      String feature,
      int line,
      String name,
      Grade grade,
      String reason,
      List<Finding> findings,
      String exchanges) {
    this(feature, line, name, grade, reason, findings, exchanges, Duration.ZERO);
  }

  /** {@code grants/request-grant.feature:12}. */
  public String location() {
    return feature + ":" + line;
  }

  /** The divergences and unmet SHOULDs: what makes a passed scenario divergent. */
  public List<Finding> divergences() {
    return findings.stream().filter(Finding::divergent).toList();
  }

  /** The notes on which allowed answer the wallet gave. */
  public List<Finding> notes() {
    return findings.stream().filter(f -> !f.divergent()).toList();
  }
}
