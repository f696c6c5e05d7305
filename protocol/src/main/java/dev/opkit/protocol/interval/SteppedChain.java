package dev.opkit.protocol.interval;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chain whose step mixes months with days or time ({@code P1M1D}, {@code P1Y2M10DT2H30M}). Month
 * and day additions do not commute (in 2024, Jan 20 + P1M10D twice is Apr 11, but Jan 20 + P2M20D
 * is Apr 9), so no formula gives boundary j; it is defined by taking j steps.
 *
 * <p>The Gregorian calendar repeats every 400 years (146,097 days), and a step commutes with moving
 * a date-time by whole 400-year cycles. So as soon as a boundary falls on the same day of the cycle
 * and the same time of day as an earlier one, the chain repeats from there on, each period later by
 * the same whole number of cycles. The chain walks from the anchor only as far as it is asked, or
 * until it finds that repetition (for every step with a whole number of days it does within 146,097
 * steps), keeping every {@value #CHECKPOINT_SPACING}th boundary; from then on any boundary costs a
 * division and at most {@value #CHECKPOINT_SPACING} steps. A step with an uneven time of day
 * ({@code P1MT1S}) may not repeat within {@value #MAX_WALK} steps; its boundaries beyond those are
 * refused ({@link OutOfReach}) rather than walked to.
 */
final class SteppedChain extends BoundaryChain {
  /** How many steps the chain walks at most, looking for the repetition. */
  static final int MAX_WALK = 1 << 18;

  static final int CHECKPOINT_SPACING = 64;

  private static final long DAYS_PER_CYCLE = 146_097;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /**
   * Each step spans at least 28 days (it has at least one month), so no chain has more boundaries
   * than this inside java.time's range.
   */
  private static final long MAX_INDEX =
      (LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay()) / 28 + 1;

  // The walk so far, guarded by this: boundary i * CHECKPOINT_SPACING for every checkpoint i, the
  // farthest boundary reached, and (once found) the repetition.
  private long[] checkpointSeconds = new long[16];
  private int[] checkpointNanos = new int[16];
  private int checkpoints;
  private Map<Long, Integer> checkpointByPhase = new HashMap<>();
  private OffsetDateTime head;
  private long headIndex;
  private boolean ended;
  private long repeatFrom = -1;
  private long period;
  private long periodDays;

  SteppedChain(OffsetDateTime anchor, IsoDuration step, boolean backward) {
    super(anchor, step, backward);
    head = anchor;
    keepCheckpoint(anchor);
  }

  @Override
  synchronized Optional<OffsetDateTime> boundary(long j) {
    if (j > MAX_INDEX) {
      return Optional.empty();
    }
    while (j > headIndex && mayWalk()) {
      walk();
    }
    if (j <= headIndex) {
      return Optional.of(walked(j));
    }
    if (repeatFrom < 0) {
      if (ended) {
        return Optional.empty();
      }
      throw new OutOfReach(head.toInstant());
    }
    long periods = (j - repeatFrom) / period;
    OffsetDateTime same = walked(repeatFrom + (j - repeatFrom) % period);
    try {
      return Optional.of(same.plusDays(Math.multiplyExact(periods, periodDays)));
    } catch (ArithmeticException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The last checkpoint that does not pass the target, counted as if the chain were walked there:
   * at most {@value #CHECKPOINT_SPACING} steps before the answer.
   */
  @Override
  synchronized long estimate(Instant target) {
    while (reaches(head, target) && mayWalk()) {
      walk();
    }
    if (!reaches(head, target) || ended) {
      return lastCheckpointReaching(target);
    }
    if (repeatFrom < 0) {
      throw new OutOfReach(head.toInstant());
    }
    // The target lies beyond the walked part: move it back by whole periods into it.
    Instant base = walked(repeatFrom).toInstant();
    Duration cycle = Duration.ofDays(periodDays);
    long periods = Duration.between(base, target).dividedBy(cycle);
    Instant shifted = target.minus(cycle.multipliedBy(periods));
    return lastCheckpointReaching(shifted) + periods * period;
  }

  private boolean mayWalk() {
    return repeatFrom < 0 && !ended && headIndex < MAX_WALK;
  }

  /** Whether the boundary lies at or before the target, in the chain's direction. */
  private boolean reaches(OffsetDateTime boundary, Instant target) {
    Instant at = boundary.toInstant();
    return backward ? !at.isBefore(target) : !at.isAfter(target);
  }

  private long lastCheckpointReaching(Instant target) {
    int low = 0;
    int high = checkpoints - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (reaches(checkpoint(middle), target)) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return (long) low * CHECKPOINT_SPACING;
  }

  /** One step further: records a checkpoint, the repetition, or the end of java.time's range. */
  private void walk() {
    Optional<OffsetDateTime> following = next(head);
    if (following.isEmpty()) {
      ended = true;
      checkpointByPhase = null;
      return;
    }
    head = following.get();
    headIndex++;
    long phase = phase(head);
    Integer earlier = checkpointByPhase.get(phase);
    if (earlier != null) {
      repeatFrom = (long) earlier * CHECKPOINT_SPACING;
      period = headIndex - repeatFrom;
      periodDays = head.toLocalDate().toEpochDay() - checkpoint(earlier).toLocalDate().toEpochDay();
      checkpointByPhase = null;
      return;
    }
    if (headIndex % CHECKPOINT_SPACING == 0) {
      keepCheckpoint(head);
    }
    if (headIndex >= MAX_WALK) {
      checkpointByPhase = null;
    }
  }

  /** Boundary j of the walked part (j at most the head's index). */
  private OffsetDateTime walked(long j) {
    if (j == headIndex) {
      return head;
    }
    OffsetDateTime at = checkpoint((int) (j / CHECKPOINT_SPACING));
    for (long i = j % CHECKPOINT_SPACING; i > 0; i--) {
      at = next(at).orElseThrow();
    }
    return at;
  }

  private void keepCheckpoint(OffsetDateTime boundary) {
    if (checkpoints == checkpointSeconds.length) {
      checkpointSeconds = Arrays.copyOf(checkpointSeconds, checkpoints * 2);
      checkpointNanos = Arrays.copyOf(checkpointNanos, checkpoints * 2);
    }
    Instant at = boundary.toInstant();
    checkpointSeconds[checkpoints] = at.getEpochSecond();
    checkpointNanos[checkpoints] = at.getNano();
    checkpointByPhase.put(phase(boundary), checkpoints);
    checkpoints++;
  }

  private OffsetDateTime checkpoint(int i) {
    return OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(checkpointSeconds[i], checkpointNanos[i]), ZoneOffset.UTC);
  }

  /**
   * Where in the 400-year cycle a boundary lies, to the nanosecond: the day of the cycle times the
   * nanoseconds of a day, plus the time of day. The product passes {@code Long.MAX_VALUE} for late
   * days of the cycle, but stays below 2^64, so the wrapped value still names one place.
   */
  private static long phase(OffsetDateTime boundary) {
    long day = Math.floorMod(boundary.toLocalDate().toEpochDay(), DAYS_PER_CYCLE);
    return day * NANOS_PER_DAY + boundary.toLocalTime().toNanoOfDay();
  }
}
