package dev.opkit.mock.sandbox;

import dev.opkit.mock.session.Session;
import dev.opkit.mock.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A session's clock as a {@link Clock} that can be moved: real time plus the offset kept in the
 * session's record (so every node of a sandbox agrees on it). Every time-dependent rule (expiries,
 * token lifetimes, interval windows, event timestamps) reads it; only the freshness check of a
 * signature's {@code created} parameter uses real time.
 */
public final class SandboxClock extends Clock {
  private final Transactions storage;
  private final Supplier<Session> session;
  private final Clock realTime;

  SandboxClock(Transactions storage, Supplier<Session> session, Clock realTime) {
    this.storage = storage;
    this.session = session;
    this.realTime = realTime;
  }

  @Override
  public Instant instant() {
    return session.get().now();
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
    Session current = session.get();
    return storage.write(
        current.id(),
        tx -> {
          var record = tx.session().record();
          var moved = record.withClockOffset(record.clockOffset().plus(duration));
          tx.session().save(moved);
          return moved.now(realTime.instant());
        });
  }

  /** Moves the clock forward by a calendar period (P1M from 31 Jan lands on the last of Feb). */
  public Instant advance(Period period) {
    Instant now = instant();
    return set(now.atOffset(ZoneOffset.UTC).plus(period).toInstant());
  }

  /** Sets the clock to an instant; time then keeps flowing from there at real speed. */
  public Instant set(Instant now) {
    Session current = session.get();
    storage.write(
        current.id(),
        tx -> {
          tx.session()
              .save(
                  tx.session().record().withClockOffset(Duration.between(realTime.instant(), now)));
          return null;
        });
    return now;
  }
}
