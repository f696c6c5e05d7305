package dev.opkit.mock.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's one clock: real time plus an offset that the admin API can move. Every
 * time-dependent rule (expiries, token lifetimes, interval windows, event timestamps) reads it;
 * only the freshness check of a signature's {@code created} parameter uses real time.
 */
public final class SandboxClock extends Clock {
  private final Clock realTime;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public SandboxClock(Clock realTime) {
    this.realTime = Objects.requireNonNull(realTime);
  }

  public static SandboxClock system() {
    return new SandboxClock(Clock.systemUTC());
  }

  @Override
  public Instant instant() {
    return realTime.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the sandbox clock is always UTC");
  }

  /** Moves the clock forward by an exact duration. */
  public Instant advance(Duration duration) {
    return realTime.instant().plus(offset.updateAndGet(o -> o.plus(duration)));
  }

  /** Moves the clock forward by a calendar period (P1M from 31 Jan lands on the last of Feb). */
  public Instant advance(Period period) {
    Instant real = realTime.instant();
    Duration moved =
        offset.updateAndGet(
            o -> {
              Instant now = real.plus(o);
              return o.plus(Duration.between(now, now.atOffset(ZoneOffset.UTC).plus(period)));
            });
    return real.plus(moved);
  }

  /** Sets the clock to an instant; time then keeps flowing from there at real speed. */
  public Instant set(Instant now) {
    offset.set(Duration.between(realTime.instant(), now));
    return now;
  }

  /** Back to real time. */
  public void reset() {
    offset.set(Duration.ZERO);
  }
}
