package dev.opkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how wide every load part runs: concurrent clients, warm-up, and either a measured
 * duration or a number of journeys.
 *
 * @param clients concurrent clients
 * @param warmUp how long they run before measuring starts
 * @param duration how long the measured part lasts when {@code journeys} is 0
 * @param journeys when positive, the measured part ends after this many journeys instead
 */
record LoadSettings(int clients, WarmUp warmUp, Duration duration, long journeys) {

  LoadSettings {
    if (clients < 1) {
      throw new IllegalArgumentException("--clients must be at least 1, got " + clients);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    if (journeys < 0) {
      throw new IllegalArgumentException("--journeys must not be negative, got " + journeys);
    }
  }

  /** Runs the clients' work with these settings. */
  LoadResult run(LoadGenerator generator, List<LoadGenerator.Work> work)
      throws InterruptedException {
    return generator.run(work, warmUp, duration, journeys);
  }

  /** The measured part's length in words. */
  String describeLength() {
    return journeys > 0
        ? journeys + " journeys measured"
        : JourneyRun.human(duration) + " measured";
  }
}
