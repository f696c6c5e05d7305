package dev.opkit.protocol.interval;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A chain whose steps all have the same exact length (time units, days, weeks, or a {@code
 * start/end} span), so boundary j is the anchor plus j lengths and the index of an instant is a
 * division.
 */
final class ExactChain extends BoundaryChain {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final BigInteger LARGEST_INDEX = BigInteger.valueOf(Long.MAX_VALUE - 1);

  private final Duration length;
  private final BigInteger lengthNanos;

  ExactChain(OffsetDateTime anchor, IsoDuration step, boolean backward) {
    super(anchor, step, backward);
    this.length = step.exactLength();
    this.lengthNanos = nanos(length);
  }

  @Override
  Optional<OffsetDateTime> boundary(long j) {
    try {
      Duration offset = length.multipliedBy(j);
      Instant at = backward ? anchor.toInstant().minus(offset) : anchor.toInstant().plus(offset);
      return Optional.of(OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    } catch (ArithmeticException | DateTimeException e) {
      return Optional.empty();
    }
  }

  @Override
  long estimate(Instant target) {
    Instant from = anchor.toInstant();
    BigInteger span =
        nanos(backward ? Duration.between(target, from) : Duration.between(from, target));
    if (span.signum() <= 0) {
      return 0;
    }
    return span.divide(lengthNanos).min(LARGEST_INDEX).longValueExact();
  }

  private static BigInteger nanos(Duration duration) {
    return BigInteger.valueOf(duration.getSeconds())
        .multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(duration.getNano()));
  }
}
