package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SandboxConfigFile;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the sandbox's request threads allocate per signed {@code POST /incoming-payments}, in
 * process, after a warm-up: a guard against allocation creeping back onto the request path (docs/
 * benchmarks.md, "Allocation"). The bound is loose, for a JIT that may not have finished on a
 * loaded machine; {@code ./benchmark --parts allocation} measures the figure itself.
 */
class AllocationBudgetTest {
  /**
   * 125 KB before the request path was first trimmed, about 75 KB after, 64 KB after the second cut
   * (the journal's second digest, compact-JSON and URL work, route order), 60 KB after the third
   * (the operation name's regex, the compact-JSON check's key sets, the token's split).
   */
  private static final long BUDGET_BYTES = 70 * 1024;

  private static final int WARM_UP = 3000;
  private static final int MEASURED = 1000;

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    SandboxConfig config = SandboxConfigFile.parse(SandboxLauncher.config(0, 0), "benchmark");
    sandbox = Sandbox.create(config.ephemeral()).start();
  }

  @AfterAll
  static void stop() {
    sandbox.stop();
  }

  @Test
  void signedIncomingPaymentWhenWarmThenRequestThreadsAllocateLessThanTheBudget() {
    Measurements measurements = new Measurements();
    GuideJourney journey =
        GuideJourney.open(
            SandboxAdmin.connect(sandbox.ase("ase1").adminUrl()),
            SandboxAdmin.connect(sandbox.ase("ase2").adminUrl()),
            0,
            measurements);
    LoadGenerator.Work post = journey.incomingPayments();
    for (int i = 0; i < WARM_UP; i++) {
      post.once();
    }
    long before = serverThreadsAllocated();
    for (int i = 0; i < MEASURED; i++) {
      post.once();
    }
    long perRequest = (serverThreadsAllocated() - before) / MEASURED;

    assertThat(perRequest)
        .as("bytes allocated per signed POST on the request threads")
        .isPositive()
        .isLessThan(BUDGET_BYTES);
  }

  /** Bytes allocated so far by the sandbox's Jetty threads (those alive now). */
  private static long serverThreadsAllocated() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("JettyServerThreadPool")) {
        total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
      }
    }
    return total;
  }
}
