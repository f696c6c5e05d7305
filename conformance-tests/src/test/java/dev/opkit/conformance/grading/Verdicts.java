package dev.opkit.conformance.grading;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Grades one scenario's checks as PROTOCOL.md §10 says: a broken MUST fails the scenario; a
 * difference that a known implementation shares is recorded as a named divergence; an unmet SHOULD
 * is recorded too; where the specification allows several answers, which one the wallet gave is
 * noted. In a scenario tagged {@code @should}, the scenario's own expectations are SHOULD-level.
 * Not thread-safe: one per scenario.
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

  /** Receives each finding. */
  @FunctionalInterface
  public interface FindingSink {
    void record(Finding finding);
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
      sink.record(Finding.should(rule, observed.get()));
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
    sink.record(Finding.divergence(known, observed));
  }

  /** Notes which of the allowed answers the wallet gave; the grade does not change. */
  public void note(String title, String observed) {
    sink.record(Finding.note(title, observed));
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

  /**
   * A status that must be one of several the specification allows (a MUST, or a SHOULD in a
   * {@code @should} scenario); which one the wallet answered is noted.
   *
   * @throws ConformanceFailure when the status is none of them
   */
  public void statusAmong(String rule, Set<Integer> allowed, int actual) {
    String allowedText =
        new TreeSet<>(allowed).stream().map(String::valueOf).collect(Collectors.joining(" or "));
    expect(
        allowed.contains(actual),
        rule,
        () -> "answered " + actual + " where " + allowedText + " is required");
    if (allowed.contains(actual) && allowed.size() > 1) {
      note("status answered", actual + " (the rule allows " + allowedText + ")");
    }
  }
}
