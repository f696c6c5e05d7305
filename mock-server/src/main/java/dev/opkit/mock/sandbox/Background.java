package dev.opkit.mock.sandbox;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work the sandbox does later (settling delayed payments), outside any request: it passes the
 * {@link SandboxGate} like a request, and work scheduled before a reset is dropped, since the state
 * it refers to is gone.
 */
public final class Background {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);

  private final ScheduledExecutorService scheduler;
  private final SandboxGate gate;
  private final AtomicLong generation = new AtomicLong();

  Background(ScheduledExecutorService scheduler, SandboxGate gate) {
    this.scheduler = scheduler;
    this.gate = gate;
  }

  /** Runs {@code task} after {@code delay}, unless the sandbox is reset or stopped first. */
  public void after(Duration delay, Runnable task) {
    long scheduledIn = generation.get();
    try {
      scheduler.schedule(
          () ->
              gate.shared(
                  () -> {
                    if (generation.get() == scheduledIn) {
                      task.run();
                    }
                  }),
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warn("the sandbox is stopping; dropped background work");
    }
  }

  /** Drops every task scheduled so far; call while the gate is held exclusively. */
  void forgetPending() {
    generation.incrementAndGet();
  }
}
