package dev.opkit.mock.sandbox;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work the sandbox does later (settling delayed payments), outside any request. The work is one
 * transaction that checks what it finds, so work whose state a reset or discard removed meanwhile
 * does nothing.
 */
public final class Background {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);

  private final ScheduledExecutorService scheduler;

  Background(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Runs {@code task} after {@code delay}, unless the sandbox is stopped first. */
  public void after(Duration delay, Runnable task) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warn("the sandbox is stopping; dropped background work");
    }
  }
}
