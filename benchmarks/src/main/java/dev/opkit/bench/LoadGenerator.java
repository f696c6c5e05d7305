package dev.opkit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one work item per client on its own thread, over and over: first for a {@link WarmUp} whose
 * measurements are dropped, then for the measured part, which ends after a duration or after a
 * number of completed work items over all clients. A failed item counts as an error and the client
 * goes on with the next.
 */
final class LoadGenerator {
  /** The work one client repeats, e.g. one guide journey. */
  @FunctionalInterface
  interface Work {
    void once();
  }

  /** Readings taken right when the measured part starts and right when it ends. */
  interface Probe {
    Probe NONE =
        new Probe() {
          @Override
          public void measuringStarts() {}

          @Override
          public void measuringEnds() {}
        };

    void measuringStarts();

    void measuringEnds();
  }

  private final Measurements measurements;
  private final Optional<ProcessHandle> server;
  private final Probe probe;

  /**
   * @param server the server process whose CPU time to report, if it is another process
   */
  LoadGenerator(Measurements measurements, Optional<ProcessHandle> server) {
    this(measurements, server, Probe.NONE);
  }

  /**
   * @param probe what to read at the start and the end of the measured part
   */
  LoadGenerator(Measurements measurements, Optional<ProcessHandle> server, Probe probe) {
    this.measurements = measurements;
    this.server = server;
    this.probe = probe;
  }

  /**
   * Runs the clients.
   *
   * @param journeys when positive, the measured part ends after this many completed items in total
   *     instead of after {@code duration}
   */
  LoadResult run(List<Work> clients, WarmUp warmUp, Duration duration, long journeys)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicLong tickets = new AtomicLong(journeys);
    AtomicLong finished = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients.size());
    CountDownLatch allFinished = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      Work work = clients.get(i);
      Thread thread =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    boolean ticketed = journeys > 0 && measuring.get();
                    if (ticketed && tickets.decrementAndGet() < 0) {
                      break;
                    }
                    try {
                      work.once();
                      measurements.journey();
                    } catch (JourneyFailure | ArithmeticException e) {
                      measurements.error(e.getMessage());
                    }
                    if (ticketed && finished.incrementAndGet() == journeys) {
                      allFinished.countDown();
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "bench-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    WarmUp.Outcome warmedUp =
        warmUp.await(measurements::requestsSoFar, d -> Thread.sleep(d.toMillis()));
    probe.measuringStarts();
    measurements.restart();
    CpuTimes cpuBefore = CpuTimes.now(server);
    measuring.set(true);
    if (journeys > 0) {
      allFinished.await();
    } else {
      Thread.sleep(duration.toMillis());
    }
    LoadResult result =
        measurements.finish(warmedUp).withCpu(CpuTimes.now(server).minus(cpuBefore));
    probe.measuringEnds();
    stop.set(true);
    done.await();
    return result;
  }
}
