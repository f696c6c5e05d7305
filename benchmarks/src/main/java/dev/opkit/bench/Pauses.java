package dev.opkit.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The stop-the-world pauses of a phase, as the safepoint log recorded them.
 *
 * @param all every pause, in the order they happened
 */
record Pauses(List<Pause> all) {
  /** The pause aim: no pause longer than this. */
  static final long AIM_NANOS = 10_000_000;

  /**
   * One pause.
   *
   * @param operation the VM operation, e.g. {@code G1CollectForAllocation}, {@code ZMarkStart}
   * @param nanos from the request to stop to the threads running again
   * @param reachingNanos of those, the wait for every thread to stop: long when the machine's CPUs
   *     are busy with other work, whatever the collector
   */
  record Pause(String operation, long nanos, long reachingNanos) {
    /** Whether a garbage collector asked for it (rather than, say, deoptimisation). */
    boolean collection() {
      return operation.startsWith("G1")
          || operation.startsWith("Z")
          || operation.startsWith("Shenandoah")
          || operation.contains("Collect")
          || operation.contains("GC");
    }
  }

  Pauses {
    all = List.copyOf(all);
  }

  long count() {
    return all.size();
  }

  long collections() {
    return all.stream().filter(Pause::collection).count();
  }

  /** The pause at a percentile (0 to 100), nearest rank; 0 without pauses. */
  long percentile(double percent) {
    if (all.isEmpty()) {
      return 0;
    }
    List<Long> sorted = all.stream().map(Pause::nanos).sorted().toList();
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** The longest pause, if any. */
  Pause longest() {
    return all.stream().max(Comparator.comparingLong(Pause::nanos)).orElse(new Pause("none", 0, 0));
  }

  /** Only the pauses a collector asked for. */
  Pauses collectionsOnly() {
    return new Pauses(all.stream().filter(Pause::collection).toList());
  }

  /** The longest time stopped once every thread had stopped: the pause's own work. */
  long longestStopped() {
    return all.stream().mapToLong(p -> p.nanos() - p.reachingNanos()).max().orElse(0);
  }

  /** The longest wait for the threads to stop. */
  long longestReaching() {
    return all.stream().mapToLong(Pause::reachingNanos).max().orElse(0);
  }

  long over(long nanos) {
    return all.stream().filter(p -> p.nanos() > nanos).count();
  }

  long totalNanos() {
    return all.stream().mapToLong(Pause::nanos).sum();
  }

  /** One line: count, collections, p50, p99, max and how many broke the aim. */
  String describe() {
    Pause longest = longest();
    return String.format(
        Locale.ROOT,
        "%d pauses (%d for collections), p50 %.2f ms, p99 %.2f ms, max %.2f ms (%s),"
            + " %d over %d ms, %.0f ms in all; longest wait to stop %.2f ms, longest stopped"
            + " %.2f ms",
        count(),
        collections(),
        percentile(50) / 1e6,
        percentile(99) / 1e6,
        longest.nanos() / 1e6,
        longest.operation(),
        over(AIM_NANOS),
        AIM_NANOS / 1_000_000,
        totalNanos() / 1e6,
        longestReaching() / 1e6,
        longestStopped() / 1e6);
  }
}
