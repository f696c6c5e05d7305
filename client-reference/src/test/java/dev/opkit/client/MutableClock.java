package dev.opkit.client;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }

  /** Moves the clock forward by a calendar period, in UTC. */
  public Instant advance(Period period) {
    return now.updateAndGet(t -> t.atOffset(ZoneOffset.UTC).plus(period).toInstant());
  }

  /** Sets the clock. */
  public void set(Instant instant) {
    now.set(instant);
  }
}
