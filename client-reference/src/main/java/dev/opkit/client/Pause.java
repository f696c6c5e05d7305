package dev.opkit.client;

import java.time.Duration;

/** Waits: between retries and before continuing a grant. Tests pass one that only records. */
@FunctionalInterface
public interface Pause {
  /** Sleeps on the calling thread. */
  Pause SLEEP =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting " + duration, e);
        }
      };

  /** Waits for {@code duration}. */
  void sleep(Duration duration);
}
