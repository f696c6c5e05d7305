package dev.opkit.protocol.interval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * An ISO 8601 repeating interval as an outgoing-payment grant's {@code limits.interval} uses it
 * (ISO 8601-1 §5.6; PROTOCOL.md §6 and §10): {@code R[n]/start/duration}, {@code R[n]/duration/end}
 * or {@code R[n]/start/end}, with {@code R} and {@code R-1} unbounded. Durations are {@code
 * PnYnMnWnDTnHnMnS}; weeks may be combined with other units, as ISO 8601-2 allows ({@code P1W2D} is
 * 9 days), and only seconds may have a fraction. Date-times with an offset are converted to UTC;
 * without one, or date-only (midnight), they are taken as UTC; all calendar arithmetic happens in
 * UTC.
 *
 * <p>Windows are half-open and chained: window 0 is {@code [start, start + duration)}, and each
 * later window starts where the previous one ended, so month-end starts drift ({@code
 * R/2024-01-31T00:00:00Z/P1M} gives Jan 31–Feb 29, Feb 29–Mar 29, Mar 29–Apr 29, …). The backward
 * form chains back from its end: window 0 is {@code [end - duration, end)} and window i + 1 ends
 * where window i starts. The {@code start/end} form steps by the exact span end - start. How many
 * windows {@code R<n>} has depends on the {@link WindowCounting}.
 *
 * <p>Finding the window of an instant, or the window with an index, costs bounded work however far
 * it lies from the anchor: a division for steps of fixed length (time units, days, weeks), a few
 * jumps for whole-month steps, and for steps mixing months with days or time a walk of at most one
 * repetition of the chain (the calendar repeats every 400 years; at most 146,097 steps for steps of
 * whole days), remembered, then a division and a few steps. A mixed step whose chain does not
 * repeat within that walk ({@code P1MT1S}) is refused with a {@link WindowOutOfReachException}
 * beyond it. Instances are thread-safe; none of this changes which window an instant falls in.
 */
public final class RepeatingInterval {
  private final String text;
  private final OptionalLong repetitions;
  private final BoundaryChain chain;

  RepeatingInterval(String text, OptionalLong repetitions, BoundaryChain chain) {
    this.text = text;
    this.repetitions = repetitions;
    this.chain = chain;
  }

  /**
   * Parses a {@code limits.interval} value.
   *
   * @param text e.g. {@code R12/2025-05-20T13:00:00Z/P1M}
   * @throws InvalidIntervalException naming the offending part if the text is not an interval this
   *     class can apply
   */
  public static RepeatingInterval parse(String text) {
    return IntervalParser.parse(text);
  }

  /** The n of {@code R<n>}, or empty for an unbounded interval ({@code R} or {@code R-1}). */
  public OptionalLong repetitions() {
    return repetitions;
  }

  /** How many windows the interval has under the given counting; empty when unbounded. */
  public OptionalLong windowCount(WindowCounting counting) {
    Objects.requireNonNull(counting, "counting");
    return repetitions.isPresent()
        ? OptionalLong.of(counting.windowCount(repetitions.getAsLong()))
        : OptionalLong.empty();
  }

  /**
   * Where window 0 starts: the start for the forward forms; end - duration for {@code
   * duration/end}, whose later windows lie before it. It is reported even when the counting admits
   * no window at all ({@code R0} under {@link WindowCounting#SPEC_N}).
   */
  public Instant firstStart() {
    OffsetDateTime other = chain.next(chain.anchor).orElseThrow();
    return (chain.backward ? other : chain.anchor).toInstant();
  }

  /**
   * The window containing an instant.
   *
   * @return the window, or empty if the instant lies before the first window or after the last
   *     repetition (for {@code duration/end}: at or after the end, or before the earliest window)
   * @throws WindowOutOfReachException when the windows cannot be counted as far as the instant
   */
  public Optional<IntervalWindow> windowAt(Instant instant, WindowCounting counting) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(counting, "counting");
    Instant anchor = chain.anchor.toInstant();
    Predicate<Instant> notPassed;
    if (chain.backward) {
      if (!instant.isBefore(anchor)) {
        return Optional.empty();
      }
      notPassed = boundary -> boundary.isAfter(instant);
    } else {
      if (instant.isBefore(anchor)) {
        return Optional.empty();
      }
      notPassed = boundary -> !boundary.isAfter(instant);
    }
    BoundaryChain.Boundary found;
    try {
      found = chain.lastWhere(notPassed, instant);
    } catch (BoundaryChain.OutOfReach e) {
      throw new WindowOutOfReachException(text, e.farthest());
    }
    return windowFrom(found.index(), found.at(), counting);
  }

  /**
   * The window with the given index.
   *
   * @param index 0 for the window at the anchor
   * @return the window, or empty if the counting gives the interval no window with that index
   * @throws WindowOutOfReachException when the windows cannot be counted as far as that index
   */
  public Optional<IntervalWindow> window(long index, WindowCounting counting) {
    Objects.requireNonNull(counting, "counting");
    if (index < 0) {
      throw new IllegalArgumentException("window index must not be negative: " + index);
    }
    if (!admits(index, counting)) {
      return Optional.empty();
    }
    return boundary(index).flatMap(boundary -> windowFrom(index, boundary, counting));
  }

  /**
   * The windows in index order (for {@code duration/end} that goes back in time), at most {@code
   * limit} of them, for listing a grant's windows.
   */
  public List<IntervalWindow> windows(WindowCounting counting, int limit) {
    return windows(counting, 0, limit);
  }

  /**
   * The windows from index {@code first} on, in index order, at most {@code limit} of them.
   *
   * @throws WindowOutOfReachException when the windows cannot be counted as far as {@code first}
   */
  public List<IntervalWindow> windows(WindowCounting counting, long first, int limit) {
    Objects.requireNonNull(counting, "counting");
    if (first < 0) {
      throw new IllegalArgumentException("window index must not be negative: " + first);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    List<IntervalWindow> result = new ArrayList<>();
    if (limit == 0 || !admits(first, counting)) {
      return List.of();
    }
    Optional<OffsetDateTime> start = boundary(first);
    if (start.isEmpty()) {
      return List.of();
    }
    OffsetDateTime boundary = start.get();
    for (long index = first; index - first < limit && admits(index, counting); index++) {
      Optional<OffsetDateTime> other = chain.next(boundary);
      if (other.isEmpty()) {
        break;
      }
      result.add(between(index, boundary, other.get()));
      boundary = other.get();
    }
    return List.copyOf(result);
  }

  private Optional<OffsetDateTime> boundary(long index) {
    try {
      return chain.boundary(index);
    } catch (BoundaryChain.OutOfReach e) {
      throw new WindowOutOfReachException(text, e.farthest());
    }
  }

  /** How many steps of its chain this interval has walked, for tests that bound the work. */
  long steps() {
    return chain.steps();
  }

  private Optional<IntervalWindow> windowFrom(
      long index, OffsetDateTime boundary, WindowCounting counting) {
    if (!admits(index, counting)) {
      return Optional.empty();
    }
    return chain.next(boundary).map(other -> between(index, boundary, other));
  }

  private IntervalWindow between(long index, OffsetDateTime boundary, OffsetDateTime other) {
    return chain.backward
        ? new IntervalWindow(index, other.toInstant(), boundary.toInstant())
        : new IntervalWindow(index, boundary.toInstant(), other.toInstant());
  }

  private boolean admits(long index, WindowCounting counting) {
    OptionalLong count = windowCount(counting);
    return count.isEmpty() || index < count.getAsLong();
  }

  /** The interval as it was written. */
  @Override
  public String toString() {
    return text;
  }

  /** Intervals are equal when written the same way. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RepeatingInterval interval && interval.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
