package dev.opkit.mock.admin;

import dev.opkit.mock.sandbox.StoredCounts;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The body of {@code GET /admin/stats}: the process's heap and how many objects the sandbox holds,
 * for benchmarks that measure memory per stored payment, and the JVM's counters, for benchmarks
 * that measure allocation and CPU per request.
 *
 * @param heap the JVM heap right now (after a full collection when one was asked for)
 * @param stored what the sandbox holds
 * @param collected whether a full garbage collection ran just before the heap was read
 * @param jvm the JVM's allocation, CPU and collection counters, for cost per request
 */
public record AdminStats(Heap heap, StoredCounts stored, boolean collected, JvmCounters jvm) {

  /**
   * The JVM heap in bytes.
   *
   * @param used bytes taken by objects (live and not yet collected)
   * @param committed bytes the JVM has reserved from the operating system
   * @param max the most it may take ({@code -Xmx}), or -1 when unbounded
   */
  public record Heap(long used, long committed, long max) {}

  /** The stats now; with {@code collect} a full garbage collection runs first. */
  static AdminStats take(StoredCounts stored, boolean collect) {
    if (collect) {
      // Only on request: a benchmark needs the live size, which only a full collection shows.
      System.gc();
    }
    MemoryUsage usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new AdminStats(
        new Heap(usage.getUsed(), usage.getCommitted(), usage.getMax()),
        stored,
        collect,
        JvmCounters.now());
  }
}
