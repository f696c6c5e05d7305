package dev.opkit.protocol.interval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A chain whose step mixes months with days or time ({@code P1M1D}, {@code P1Y2M10DT2H30M}). Month
 * and day additions do not commute (in 2024, Jan 20 + P1M10D twice is Apr 11, but Jan 20 + P2M20D
 * is Apr 9), so there is no shortcut: boundaries are reached by stepping. Each step is at least 28
 * days, so a thousand years take about 12,000 steps.
 */
final class SteppedChain extends BoundaryChain {

  SteppedChain(OffsetDateTime anchor, IsoDuration step, boolean backward) {
    super(anchor, step, backward);
  }

  @Override
  Optional<OffsetDateTime> boundary(long j) {
    Optional<OffsetDateTime> at = Optional.of(anchor);
    for (long i = 0; i < j && at.isPresent(); i++) {
      at = next(at.get());
    }
    return at;
  }

  @Override
  long estimate(Instant target) {
    return 0;
  }
}
