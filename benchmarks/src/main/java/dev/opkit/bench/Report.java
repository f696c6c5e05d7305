package dev.opkit.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/** Prints the benchmark's figures as plain-text tables. */
final class Report {
  /** The throughput aim: signed requests per second against the crypto ceiling. */
  static final double CEILING_AIM = 0.5;

  /** The scaling aim: p50 on the preloaded sandbox against the empty one. */
  static final double SCALING_AIM = 1.3;

  /** The memory aim per stored payment, in bytes. */
  static final double BYTES_PER_PAYMENT_AIM = 1024;

  /** The startup aim. */
  static final Duration STARTUP_AIM = Duration.ofMillis(1500);

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void heading(String text) {
    out.printf(Locale.ROOT, "%n%s%n%s%n", text, "-".repeat(text.length()));
  }

  void line(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
  }

  /** Throughput and errors of a run. */
  void throughput(LoadResult result, boolean journeys) {
    if (journeys) {
      line("  journeys/s          %10.1f", result.journeysPerSecond());
    }
    line("  requests/s          %10.1f", result.requestsPerSecond());
    line("  signed requests/s   %10.1f", result.signedRequestsPerSecond());
    line("  warm-up             %10s", result.warmUp().describe());
    line(
        "  measured            %10s  (%,d requests)",
        JourneyRun.human(result.elapsed().withNanos(0)), result.requests());
    line("  errors              %10d", result.errors());
    if (result.cpu() != null && result.requests() > 0) {
      double seconds = result.elapsedNanos() / 1e9;
      line(
          "  CPU per request     generator %.0f µs%s; CPUs busy: generator %.2f%s",
          result.cpu().generator().toNanos() / 1e3 / result.requests(),
          result.cpu().server() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", server %.0f µs",
                  result.cpu().server().toNanos() / 1e3 / result.requests()),
          result.cpu().generator().toNanos() / 1e9 / seconds,
          result.cpu().server() == null
              ? ""
              : String.format(
                  Locale.ROOT, ", server %.2f", result.cpu().server().toNanos() / 1e9 / seconds));
    }
    result.errorMessages().forEach(m -> line("    %s", m));
  }

  /** Latency percentiles per step. */
  void latencies(Map<Step, Histogram> latencies) {
    line("  %-28s %-38s %9s %8s %8s %8s", "request", "", "count", "p50 ms", "p99 ms", "max ms");
    for (Step step : Step.values()) {
      Histogram h = latencies.get(step);
      if (h == null) {
        continue;
      }
      line(
          "  %-28s %-38s %9d %8.2f %8.2f %8.2f",
          step.request(),
          step.what(),
          h.getTotalCount(),
          millis(h.getValueAtPercentile(50)),
          millis(h.getValueAtPercentile(99)),
          millis(h.getMaxValue()));
    }
  }

  /** A ratio against an aim, with a verdict. */
  void ratio(String what, double ratio, String aim, boolean met) {
    line(
        "  %-52s %6.2f   %s%s", what, ratio, aim, aim.isEmpty() ? "" : met ? "  met" : "  NOT met");
  }

  void footprint(String what, Footprint footprint) {
    line(
        "  %-20s VmRSS %s, heap used %s of %s committed",
        what,
        mebibytes(footprint.residentBytes()),
        mebibytes(footprint.heapUsed()),
        mebibytes(footprint.heapCommitted()));
    line("  %-20s stored %s", "", footprint.stored());
  }

  void startup(List<StartupRun.Mode> modes) {
    line(
        "  %-44s %9s %9s %9s   aim < %d ms", "", "median", "best", "worst", STARTUP_AIM.toMillis());
    for (StartupRun.Mode mode : modes) {
      line(
          "  %-44s %6d ms %6d ms %6d ms   %s",
          mode.command(),
          mode.median().toMillis(),
          mode.best().toMillis(),
          mode.worst().toMillis(),
          mode.median().compareTo(STARTUP_AIM) < 0 ? "met" : "NOT met");
    }
  }

  void scaling(ScalingRun.Figures figures) {
    line(
        "  preloaded %,d payments in %,d ms; heap after a full GC: %s before, %s after",
        figures.preloaded(),
        figures.preloadMillis(),
        mebibytes(figures.before().heapUsed()),
        mebibytes(figures.after().heapUsed()));
    line(
        "  heap per stored payment: %.0f bytes (aim < %.0f)  %s",
        figures.heapPerPayment(),
        BYTES_PER_PAYMENT_AIM,
        figures.heapPerPayment() < BYTES_PER_PAYMENT_AIM ? "met" : "NOT met");
    line("  stored now: %s", figures.after().stored());
    line(
        "  %-28s %-38s %10s %10s %7s   aim <= %.1f",
        "request", "", "empty p50", "loaded p50", "ratio", SCALING_AIM);
    for (Step step : ScalingRun.OPERATIONS) {
      Histogram empty = figures.empty().get(step);
      Histogram loaded = figures.loaded().get(step);
      double ratio = (double) loaded.getValueAtPercentile(50) / empty.getValueAtPercentile(50);
      line(
          "  %-28s %-38s %7.3f ms %7.3f ms %7.2f   %s",
          step.request(),
          step.what(),
          millis(empty.getValueAtPercentile(50)),
          millis(loaded.getValueAtPercentile(50)),
          ratio,
          ratio <= SCALING_AIM ? "met" : "NOT met");
    }
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
  }

  static String mebibytes(OptionalLong bytes) {
    return bytes.isPresent() ? mebibytes(bytes.getAsLong()) : "n/a";
  }
}
