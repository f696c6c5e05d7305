package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.sandbox.admin.SandboxAdmin;

/**
 * The sandbox JVM's counters from {@code GET /admin/stats} ({@code jvm}): bytes allocated by its
 * live threads and its process CPU time. Two readings around a phase give its cost per request.
 */
record SandboxCounters(long allocatedBytes, long cpuNanos, int threads, long collections) {

  static SandboxCounters read(SandboxAdmin admin) {
    JsonNode jvm = admin.stats(false).get("jvm");
    if (jvm == null) {
      throw new JourneyFailure("GET /admin/stats has no jvm counters; is the sandbox jar current?");
    }
    return new SandboxCounters(
        jvm.get("allocatedBytes").asLong(),
        jvm.get("cpuNanos").asLong(),
        jvm.get("threads").asInt(),
        jvm.get("collections").asLong());
  }

  /** What happened between {@code earlier} and this reading. */
  SandboxCounters minus(SandboxCounters earlier) {
    return new SandboxCounters(
        allocatedBytes - earlier.allocatedBytes,
        cpuNanos - earlier.cpuNanos,
        threads,
        collections - earlier.collections);
  }
}
