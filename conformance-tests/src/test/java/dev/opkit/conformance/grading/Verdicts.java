package dev.opkit.conformance.grading;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Grades one scenario's checks as PROTOCOL.md §10 says: a broken MUST fails the scenario; a
 * difference that a known implementation shares is recorded as a named divergence; an unmet SHOULD
 * is recorded too. In a scenario tagged {@code @should}, the scenario's own expectations are
 * SHOULD-level. Not thread-safe: one per scenario.
 */
public final class Verdicts {
  /** Tag of scenarios whose expectations are SHOULD-level. */
  public static final String SHOULD_TAG = "@should";

  private final boolean shouldLevel;
  private final FindingSink sink;

  /**
   * @param tags the scenario's tags
   * @param sink where findings go: the scenario's attachments
   */
  public Verdicts(Collection<String> tags, FindingSink sink) {
    this.shouldLevel = tags.contains(SHOULD_TAG);
    this.sink = sink;
  }

  /** Receives each finding: its title and its details. */
  @FunctionalInterface
  public interface FindingSink {
    void record(String title, String details);
  }

  /**
   * A MUST.
   *
   * @throws ConformanceFailure when it does not hold
   */
  public void must(boolean holds, String rule, Supplier<String> observed) {
    if (!holds) {
      throw new ConformanceFailure(rule, observed.get());
    }
  }

  /** A SHOULD: recorded when it does not hold, never failing. */
  public void should(boolean holds, String rule, Supplier<String> observed) {
    if (!holds) {
      record("SHOULD not met: " + rule, "observed: " + observed.get());
    }
  }

  /** A MUST, or a SHOULD in a scenario tagged {@code @should}. */
  public void expect(boolean holds, String rule, Supplier<String> observed) {
    if (shouldLevel) {
      should(holds, rule, observed);
    } else {
      must(holds, rule, observed);
    }
  }

  /** Records that the wallet behaves as {@code known} describes. */
  public void divergence(KnownDivergence known, String observed) {
    record(
        known.title(),
        "specification: "
            + known.specification()
            + "\nas done by: "
            + known.implementations()
            + "\nobserved: "
            + observed);
  }

  /**
   * An expected status where one known implementation answers another.
   *
   * @param tolerated what the known implementation answers instead
   * @throws ConformanceFailure when the status is neither
   */
  public void status(
      String rule, int expected, int actual, KnownDivergence divergence, int tolerated) {
    if (actual == tolerated && actual != expected) {
      divergence(divergence, "answered " + actual + " where the rule is: " + rule);
      return;
    }
    expect(actual == expected, rule, () -> "answered " + actual);
  }

  private void record(String title, String details) {
    sink.record(title, details);
  }
}
