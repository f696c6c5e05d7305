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

  /** The CPU aim: per signed request at most this many times its floor. */
  static final double CPU_AIM = 1.5;

  /** The tail aim: the sandbox's p99 on the signed POST at most this many times Prism's. */
  static final double TAIL_AIM = 2;

  /** The first-seconds aim: the first 10 s at least this share of the steady throughput. */
  static final double FIRST_SECONDS_AIM = 0.5;

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

  /** One storage's figures in a row: signed requests/s, journeys/s, p50 and p99 of all steps. */
  void storageRow(String storage, LoadResult result) {
    Histogram all = null;
    for (Histogram h : result.latencies().values()) {
      if (all == null) {
        all = h.copy();
      } else {
        all.add(h);
      }
    }
    line(
        "  %-26s %12.1f %12.1f %10.2f %10.2f %8d",
        storage,
        result.signedRequestsPerSecond(),
        result.journeysPerSecond(),
        all == null ? 0 : millis(all.getValueAtPercentile(50)),
        all == null ? 0 : millis(all.getValueAtPercentile(99)),
        result.errors());
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
  void junit5(Junit5Run.Figures figures) {
    line(
        "  per test, this JVM (%d warm-up + %d measured rounds of %d tests each, alternating):",
        figures.warmUpRounds(), figures.measuredRounds(), Junit5Run.TESTS_PER_ROUND);
    line("  %-60s %9s %9s", "", "median", "p90");
    junit5Row(
        "extension: session with 2 wallets, client identity, delete",
        figures.extension().medianMillis(),
        figures.extension().p90Millis());
    junit5Row(
        "WireMock: per-test restart (start + stop, dynamic port)",
        figures.wireMock().medianMillis(),
        figures.wireMock().p90Millis());
    ratio(
        "per-test median, extension / WireMock",
        figures.extension().medianMillis() / figures.wireMock().medianMillis(),
        "aim <= 1",
        figures.extension().medianMillis() <= figures.wireMock().medianMillis());
    line(
        "  first start, a fresh JVM each (%d each, alternating), from the test class's start:",
        figures.extensionFirst().nanos().size());
    line("  %-60s %9s %9s %9s", "", "median", "best", "worst");
    junit5Start("extension: its sandbox started (before the first test)", figures.extensionFirst());
    junit5Start(
        "@WireMockTest: its server started (before the first test)", figures.wireMockFirst());
    ratio(
        "first start median, extension / WireMock",
        figures.extensionFirst().medianMillis() / figures.wireMockFirst().medianMillis(),
        "aim <= 1",
        figures.extensionFirst().medianMillis() <= figures.wireMockFirst().medianMillis());
    junit5Start(
        "extension: first test done (+ session, client, wallets, delete)",
        figures.extensionFirstTest());
    junit5Start("@WireMockTest: first test done", figures.wireMockFirstTest());
  }

  private void junit5Start(String what, Junit5Run.Timings timings) {
    line(
        "  %-60s %6.0f ms %6.0f ms %6.0f ms",
        what, timings.medianMillis(), timings.bestMillis(), timings.worstMillis());
  }

  private void junit5Row(String what, double median, double p90) {
    line("  %-60s %6.1f ms %6.1f ms", what, median, p90);
  }

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
    StartupRun.Mode prism =
        modes.stream().filter(m -> m.command().startsWith("prism")).findFirst().orElse(null);
    line(
        "  %-44s %9s %9s %9s   aim < %d ms%s",
        "",
        "median",
        "best",
        "worst",
        STARTUP_AIM.toMillis(),
        prism == null ? "" : " and <= Prism's median");
    for (StartupRun.Mode mode : modes) {
      boolean isPrism = mode == prism;
      boolean met =
          mode.median().compareTo(STARTUP_AIM) < 0
              && (prism == null || mode.median().compareTo(prism.median()) <= 0);
      line(
          "  %-44s %6d ms %6d ms %6d ms   %s",
          mode.command(),
          mode.median().toMillis(),
          mode.best().toMillis(),
          mode.worst().toMillis(),
          isPrism ? "(the comparison)" : met ? "met" : "NOT met");
    }
    if (prism == null) {
      line("  Prism left out (see the progress output above for why)");
    }
  }

  /** Bytes the sandbox allocated per request, each phase beside the aim. */
  void allocation(SignedPostRun.Cost cost) {
    line(
        "  %-46s %12s %12s   aim <= %d KB per signed request",
        "phase", "bytes/req", "bytes/signed", Phase.ALLOCATION_AIM / 1024);
    allocationLine("signed POST /incoming-payments", cost.post());
    if (cost.journeys() != null) {
      allocationLine("the guide's journey (11 requests, 10 signed)", cost.journeys());
    }
    phaseDetails("signed POST", cost.post());
    if (cost.journeys() != null) {
      phaseDetails("journeys", cost.journeys());
    }
  }

  private void allocationLine(String what, Phase phase) {
    double perSigned = phase.bytesPerSignedRequest();
    line(
        "  %-46s %,12.0f %,12.0f   %s",
        what,
        phase.bytesPerRequest(),
        perSigned,
        perSigned <= Phase.ALLOCATION_AIM ? "met" : "NOT met");
  }

  private void phaseDetails(String what, Phase phase) {
    line(
        "  %-12s %,.0f requests/s (%,.0f signed/s) over %s after %s; %d errors",
        what,
        phase.load().requestsPerSecond(),
        phase.load().signedRequestsPerSecond(),
        JourneyRun.human(phase.load().elapsed().withNanos(0)),
        phase.load().warmUp().describe(),
        phase.load().errors());
    line(
        "  %-12s allocated %s over %,d requests, sandbox CPU %.0f µs per request, %d threads",
        "",
        mebibytes(phase.sandbox().allocatedBytes()),
        phase.load().requests(),
        phase.cpuMicrosPerRequest(),
        phase.sandbox().threads());
    line("  %-12s %s", "", phase.pauses().describe());
    phase.load().errorMessages().forEach(m -> line("    %s", m));
  }

  /** The sandbox's CPU per signed POST against the floor. */
  void cpu(Phase post, SignedPostRun.Floor floor) {
    double ratio = post.cpuMicrosPerRequest() / floor.micros();
    line(
        "  sandbox CPU per signed POST /incoming-payments    %6.0f µs", post.cpuMicrosPerRequest());
    line(
        "  floor: plain endpoint server CPU %.0f µs + Ed25519 verify and sha-512 digest %.0f µs"
            + " = %.0f µs",
        floor.plainMicros(), floor.cryptoMicros(), floor.micros());
    ratio("sandbox / floor", ratio, "aim <= " + CPU_AIM, ratio <= CPU_AIM);
  }

  /** Pauses and the p99 with many stored payments, beside Prism's. */
  void tail(SignedPostRun.Tail tail) {
    line(
        "  preloaded %,d payments; %d rounds per server, alternating",
        tail.preloaded(), tail.rounds());
    line(
        "  %-10s %12s %9s %9s %9s %9s",
        "server", "requests/s", "p50 ms", "p99 ms", "max ms", "errors");
    tailLine("sandbox", tail.sandbox().load());
    if (tail.prism() != null) {
      tailLine("Prism", tail.prism());
      double ratio = (double) p99(tail.sandbox().load()) / Math.max(1, p99(tail.prism()));
      ratio(
          "p99 of the signed POST, sandbox / Prism",
          ratio,
          "aim <= " + TAIL_AIM,
          ratio <= TAIL_AIM);
    } else {
      line("  Prism left out, so the p99 aim is not judged");
    }
    Pauses pauses = tail.sandbox().pauses();
    line("  sandbox pauses over the sandbox's rounds: %s", pauses.describe());
    line("  of them for collections: %s", pauses.collectionsOnly().describe());
    line(
        "  %-52s %6d   aim 0 over %d ms  %s",
        "pauses over the aim",
        pauses.over(Pauses.AIM_NANOS),
        Pauses.AIM_NANOS / 1_000_000,
        pauses.over(Pauses.AIM_NANOS) == 0 ? "met" : "NOT met");
    line(
        "  sandbox allocated %.0f bytes per request, CPU %.0f µs per request",
        tail.sandbox().bytesPerRequest(), tail.sandbox().cpuMicrosPerRequest());
    tail.sandbox().load().errorMessages().forEach(m -> line("    sandbox: %s", m));
    if (tail.prism() != null) {
      tail.prism().errorMessages().forEach(m -> line("    Prism: %s", m));
    }
  }

  private void tailLine(String server, LoadResult load) {
    Histogram h = load.latencies().get(Step.INCOMING_PAYMENT);
    line(
        "  %-10s %12.0f %9.2f %9.2f %9.2f %9d",
        server,
        load.requestsPerSecond(),
        h == null ? 0 : millis(h.getValueAtPercentile(50)),
        h == null ? 0 : millis(h.getValueAtPercentile(99)),
        h == null ? 0 : millis(h.getMaxValue()),
        load.errors());
  }

  private static long p99(LoadResult load) {
    Histogram h = load.latencies().get(Step.INCOMING_PAYMENT);
    return h == null ? 0 : h.getValueAtPercentile(99);
  }

  /** Throughput in the first 10 s against the steady state, per server. */
  void firstSeconds(List<SignedPostRun.FirstSeconds> servers) {
    line(
        "  %-10s %9s %9s %14s %12s %7s   aim >= %.1f",
        "server", "ready", "setup", "first 10 s/s", "steady/s", "ratio", FIRST_SECONDS_AIM);
    for (SignedPostRun.FirstSeconds s : servers) {
      line(
          "  %-10s %6d ms %6d ms %14.0f %12.0f %7.2f   %s",
          s.server(),
          s.ready().toMillis(),
          s.setup().toMillis(),
          s.first().requestsPerSecond(),
          s.steady().requestsPerSecond(),
          s.ratio(),
          s.server().equals("sandbox")
              ? s.ratio() >= FIRST_SECONDS_AIM ? "met" : "NOT met"
              : "(the comparison)");
    }
    if (servers.size() > 1) {
      line(
          "  first 10 s, sandbox / Prism: %.2f",
          servers.get(0).first().requestsPerSecond() / servers.get(1).first().requestsPerSecond());
    } else {
      line("  Prism left out (see the progress output above for why)");
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
