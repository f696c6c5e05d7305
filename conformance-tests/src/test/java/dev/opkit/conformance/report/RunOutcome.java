package dev.opkit.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of the kit found: the target, when it ran, and every scenario's outcome, sorted by
 * feature and line. Every report renders one of these.
 *
 * @param target what the kit ran against
 * @param started when the run began
 * @param elapsed how long it took
 */
public record RunOutcome(
    String target, Instant started, Duration elapsed, List<ScenarioOutcome> outcomes) {

  public RunOutcome {
    outcomes =
        outcomes.stream()
            .sorted(
                Comparator.comparing(ScenarioOutcome::feature)
                    .thenComparingInt(ScenarioOutcome::line)
                    .thenComparing(ScenarioOutcome::name))
            .toList();
  }

  /** How many scenarios got the grade. */
  public long count(Grade grade) {
    return outcomes.stream().filter(o -> o.grade() == grade).count();
  }

  /** The outcomes with the grade, in order. */
  public List<ScenarioOutcome> withGrade(Grade grade) {
    return outcomes.stream().filter(o -> o.grade() == grade).toList();
  }

  /** Per feature file, in order, how many scenarios got each grade. */
  public Map<String, Map<Grade, Integer>> countsByFeature() {
    Map<String, Map<Grade, Integer>> rows = new TreeMap<>();
    for (ScenarioOutcome outcome : outcomes) {
      Map<Grade, Integer> row =
          rows.computeIfAbsent(
              outcome.feature(),
              f -> {
                Map<Grade, Integer> zero = new EnumMap<>(Grade.class);
                for (Grade grade : Grade.values()) {
                  zero.put(grade, 0);
                }
                return zero;
              });
      row.merge(outcome.grade(), 1, Integer::sum);
    }
    return rows;
  }

  /** The outcomes of one feature file, in order. */
  public List<ScenarioOutcome> ofFeature(String feature) {
    return outcomes.stream().filter(o -> o.feature().equals(feature)).toList();
  }

  /** Whether no scenario broke a MUST. */
  public boolean mustsHeld() {
    return count(Grade.FAILED) == 0;
  }

  /** The verdict in one sentence. */
  public String verdict() {
    return mustsHeld()
        ? "no MUST of the specification was broken."
        : count(Grade.FAILED) + " scenario(s) broke a MUST (see Failed).";
  }
}
