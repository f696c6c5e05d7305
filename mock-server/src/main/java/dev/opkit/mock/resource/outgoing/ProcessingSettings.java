package dev.opkit.mock.resource.outgoing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How long outgoing payments stay in progress before they settle (real time); the admin API can
 * change it while the sandbox runs.
 */
public final class ProcessingSettings {
  /** The longest processing delay: enough for any test, short enough to be scheduled. */
  public static final Duration MAX_DELAY = Duration.ofDays(1);

  private final AtomicReference<Duration> delay;

  public ProcessingSettings(Duration delay) {
    this.delay = new AtomicReference<>(check(delay));
  }

  public Duration delay() {
    return delay.get();
  }

  public void setDelay(Duration newDelay) {
    delay.set(check(newDelay));
  }

  private static Duration check(Duration delay) {
    if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(
          "a processing delay is from PT0S to " + MAX_DELAY + ", got " + delay);
    }
    return delay;
  }
}
