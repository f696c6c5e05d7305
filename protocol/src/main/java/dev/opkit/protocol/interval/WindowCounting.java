package dev.opkit.protocol.interval;

/**
 * How many windows {@code R<n>} yields: the sources disagree (PROTOCOL.md §6 and §9 item 2). An
 * unbounded interval ({@code R} or {@code R-1}) has infinitely many windows either way.
 */
public enum WindowCounting {
  /** {@code R<n>} gives n windows, as the Open Payments docs read it; {@code R0} gives none. */
  SPEC_N,
  /** {@code R<n>} gives n + 1 windows, as Rafiki computes them; {@code R0} gives one. */
  RAFIKI_N_PLUS_ONE;

  /**
   * The number of windows of an interval with the given repetition count.
   *
   * @param repetitions the n of {@code R<n>}, not negative
   * @return n or n + 1 (saturating at {@link Long#MAX_VALUE})
   */
  public long windowCount(long repetitions) {
    if (repetitions < 0) {
      throw new IllegalArgumentException("repetitions must not be negative: " + repetitions);
    }
    return switch (this) {
      case SPEC_N -> repetitions;
      case RAFIKI_N_PLUS_ONE -> repetitions == Long.MAX_VALUE ? Long.MAX_VALUE : repetitions + 1;
    };
  }
}
