package dev.opkit.mock.admin;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the sandbox's JVM has done so far, for benchmarks that measure the cost of a request in the
 * sandbox process: a reading before and one after a phase of load give its bytes allocated and CPU
 * time per request.
 *
 * @param allocatedBytes bytes allocated on the heap by the threads alive now, since each started
 *     (JDK 17 counts per thread; a thread that ended took its count with it, so read over a phase
 *     in which the server's threads live on, as Jetty's pool threads do under load)
 * @param threads live threads
 * @param cpuNanos CPU time of the whole process (user and system)
 * @param collections garbage collections so far, every collector together
 * @param collectionMillis their time as the collectors report it (for ZGC and Shenandoah this is
 *     the concurrent cycles' time, not pauses)
 */
public record JvmCounters(
    long allocatedBytes, int threads, long cpuNanos, long collections, long collectionMillis) {

  /** The counters now. */
  static JvmCounters now() {
    com.sun.management.ThreadMXBean threadBean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threadBean.getAllThreadIds();
    long allocated = 0;
    for (long bytes : threadBean.getThreadAllocatedBytes(ids)) {
      // -1 for a thread that ended between the two calls.
      allocated += Math.max(0, bytes);
    }
    long collections = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new JvmCounters(allocated, ids.length, cpu, collections, millis);
  }
}
