package dev.opkit.conformance.report;

import dev.opkit.conformance.grading.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The conformance summary as text: one row per feature with its passed, failed, divergent and
 * skipped scenarios, then each divergence with the rule and who differs, each skipped scenario with
 * its reason, and each failure with the rule broken and the last requests and responses.
 */
public final class SummaryReport {
  private static final String INDENT = "    ";

  private final RunOutcome run;

  public SummaryReport(RunOutcome run) {
    this.run = run;
  }

  /**
   * @param target what the kit ran against
   * @param elapsed how long the run took
   */
  public SummaryReport(String target, Duration elapsed, List<ScenarioOutcome> outcomes) {
    this(new RunOutcome(target, Instant.EPOCH, elapsed, outcomes));
  }

  /** How many scenarios got the grade. */
  public long count(Grade grade) {
    return run.count(grade);
  }

  /** The whole summary. */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("\nOpen Payments conformance summary\n");
    text.append("target: ").append(run.target()).append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "%d scenarios in %.1f s: %d passed, %d failed, %d divergent, %d skipped%n%n",
            run.outcomes().size(),
            run.elapsed().toMillis() / 1000.0,
            count(Grade.PASSED),
            count(Grade.FAILED),
            count(Grade.DIVERGENT),
            count(Grade.SKIPPED)));
    table(text);
    divergences(text);
    skipped(text);
    failures(text);
    text.append('\n').append("Verdict: ").append(run.verdict()).append('\n');
    return text.toString();
  }

  private void table(StringBuilder text) {
    var rows = run.countsByFeature();
    int width =
        Math.max(
            "feature".length(), rows.keySet().stream().mapToInt(String::length).max().orElse(0));
    String format = "%-" + width + "s  %6s  %6s  %9s  %7s%n";
    text.append(
        String.format(Locale.ROOT, format, "feature", "passed", "failed", "divergent", "skipped"));
    rows.forEach(
        (feature, grades) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    format,
                    feature,
                    grades.get(Grade.PASSED),
                    grades.get(Grade.FAILED),
                    grades.get(Grade.DIVERGENT),
                    grades.get(Grade.SKIPPED))));
    text.append(
        String.format(
            Locale.ROOT,
            format,
            "total",
            count(Grade.PASSED),
            count(Grade.FAILED),
            count(Grade.DIVERGENT),
            count(Grade.SKIPPED)));
  }

  private void divergences(StringBuilder text) {
    List<ScenarioOutcome> divergent =
        run.outcomes().stream()
            .filter(o -> !o.divergences().isEmpty() && o.grade() != Grade.SKIPPED)
            .toList();
    if (divergent.isEmpty()) {
      return;
    }
    text.append(
        "\nDivergent (as a known implementation does it, or a SHOULD not met; not failures):\n");
    for (ScenarioOutcome outcome : divergent) {
      heading(text, outcome);
      for (Finding finding : outcome.divergences()) {
        text.append(INDENT).append("- ").append(finding.title()).append('\n');
        indented(text, finding.details(), INDENT + "  ");
      }
    }
  }

  private void skipped(StringBuilder text) {
    List<ScenarioOutcome> skipped = run.withGrade(Grade.SKIPPED);
    if (skipped.isEmpty()) {
      return;
    }
    text.append("\nSkipped:\n");
    for (ScenarioOutcome outcome : skipped) {
      heading(text, outcome);
      indented(text, outcome.reason(), INDENT);
    }
  }

  private void failures(StringBuilder text) {
    List<ScenarioOutcome> failed = run.withGrade(Grade.FAILED);
    if (failed.isEmpty()) {
      return;
    }
    text.append("\nFailed:\n");
    for (ScenarioOutcome outcome : failed) {
      heading(text, outcome);
      text.append(INDENT).append("rule broken:\n");
      indented(text, outcome.reason(), INDENT + "  ");
      if (outcome.exchanges() != null) {
        text.append(INDENT).append("last requests and responses:\n");
        indented(text, outcome.exchanges(), INDENT + "  ");
      }
    }
  }

  private static void heading(StringBuilder text, ScenarioOutcome outcome) {
    text.append("  ").append(outcome.location()).append("  ").append(outcome.name()).append('\n');
  }

  private static void indented(StringBuilder text, String block, String indent) {
    String content = block == null || block.isBlank() ? "(no details)" : block.strip();
    for (String line : content.split("\n", -1)) {
      text.append(indent).append(line).append('\n');
    }
  }
}
