package dev.opkit.protocol.interval;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One window of a repeating interval: the half-open span {@code [start, end)} within which an
 * outgoing-payment grant's spent amounts are summed (PROTOCOL.md §6).
 *
 * @param index position in the chain, 0 for the window at the interval's anchor (the start for the
 *     forward forms; for {@code R<n>/duration/end} window 0 ends at the end and later indexes go
 *     back in time)
 * @param start first instant inside the window
 * @param end first instant after the window
 */
public record IntervalWindow(long index, Instant start, Instant end) {

  /** Checks that the index is not negative and that the window is not empty. */
  public IntervalWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (index < 0) {
      throw new IllegalArgumentException("window index must not be negative: " + index);
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start " + start + " is not before end " + end);
    }
  }

  /** Whether the instant lies inside this window (start inclusive, end exclusive). */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** The exact length of this window. */
  public Duration length() {
    return Duration.between(start, end);
  }
}
