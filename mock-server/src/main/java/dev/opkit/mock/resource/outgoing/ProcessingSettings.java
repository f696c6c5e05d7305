package dev.opkit.mock.resource.outgoing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How long outgoing payments stay in progress before they settle (real time); the admin API can
 * change it while the sandbox runs.
 */
public final class ProcessingSettings {
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
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("a processing delay cannot be negative: " + delay);
    }
    return delay;
  }
}
