package dev.opkit.protocol.interval;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The boundaries of a chain of windows (PROTOCOL.md §6): b(0) is the anchor and b(j + 1) is b(j)
 * moved by one duration step, later for the forward forms and earlier for {@code duration/end}.
 * Each window spans two consecutive boundaries. Subclasses compute b(j) without taking j steps
 * where the step allows it, but always give exactly what taking j steps gives.
 *
 * <p>Boundaries outside java.time's range (years -999999999 to 999999999) do not exist.
 */
abstract sealed class BoundaryChain permits ExactChain, MonthChain, SteppedChain {
  private static final Instant LATEST = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);
  private static final Instant EARLIEST = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);

  final OffsetDateTime anchor;
  final IsoDuration step;
  final boolean backward;
  private final LongAdder steps = new LongAdder();

  BoundaryChain(OffsetDateTime anchor, IsoDuration step, boolean backward) {
    this.anchor = anchor;
    this.step = step;
    this.backward = backward;
  }

  /** The chain for a UTC anchor and step, using the cheapest exact way to reach far boundaries. */
  static BoundaryChain of(OffsetDateTime anchor, IsoDuration step, boolean backward) {
    if (step.isExact()) {
      return new ExactChain(anchor, step, backward);
    }
    if (step.isWholeMonths()) {
      return new MonthChain(anchor, step, backward);
    }
    return new SteppedChain(anchor, step, backward);
  }

  /** The boundary one step after the given one, or empty beyond java.time's range. */
  final Optional<OffsetDateTime> next(OffsetDateTime boundary) {
    steps.increment();
    try {
      return Optional.of(backward ? step.subtractFrom(boundary) : step.addTo(boundary));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** How many single steps the chain has taken, for tests that bound the work. */
  final long steps() {
    return steps.sum();
  }

  /**
   * Boundary j (j ≥ 0), equal to taking j steps from the anchor; empty beyond the range.
   *
   * @throws OutOfReach when the chain cannot compute that boundary without walking too far
   */
  abstract Optional<OffsetDateTime> boundary(long j);

  /**
   * A guess, right to within a few steps, at how many steps from the anchor reach the target
   * without passing it.
   *
   * @param target an instant inside java.time's range
   * @throws OutOfReach when the chain cannot tell without walking too far
   */
  abstract long estimate(Instant target);

  /**
   * The last boundary, counting from the anchor, for which {@code holds} is true.
   *
   * @param holds true for the anchor and for a run of boundaries after it, then false for good
   * @param target the instant {@code holds} compares with, to start the search near the answer
   */
  final Boundary lastWhere(Predicate<Instant> holds, Instant target) {
    long index = Math.max(0, estimate(clamp(target)));
    Optional<OffsetDateTime> at = boundary(index);
    while (index > 0 && !(at.isPresent() && holds.test(at.get().toInstant()))) {
      index--;
      at = boundary(index);
    }
    OffsetDateTime current = at.orElseThrow();
    for (Optional<OffsetDateTime> following = next(current);
        following.isPresent() && holds.test(following.get().toInstant());
        following = next(current)) {
      current = following.get();
      index++;
    }
    return new Boundary(index, current);
  }

  private static Instant clamp(Instant instant) {
    if (instant.isAfter(LATEST)) {
      return LATEST;
    }
    return instant.isBefore(EARLIEST) ? EARLIEST : instant;
  }

  /** Boundary number {@code index} of the chain and where it lies. */
  record Boundary(long index, OffsetDateTime at) {}

  /** A boundary the chain will not walk to; {@link RepeatingInterval} says why. */
  static final class OutOfReach extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Instant farthest;

    OutOfReach(Instant farthest) {
      super("beyond " + farthest, null, false, false);
      this.farthest = farthest;
    }

    /** The farthest boundary the chain computes. */
    Instant farthest() {
      return farthest;
    }
  }
}
