package dev.opkit.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks the sandbox (docs/benchmarks.md): N clients repeating the recurring-payments guide's
 * journey against the sandbox in its own process, with two baselines in the same run (the crypto
 * ceiling and a plain Javalin endpoint), latency at scale after preloading a million payments, and
 * startup time. Prints the figures against the project's aims.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    version = "opkit benchmark 0.1.0",
    description =
        "Measures the Open Payments sandbox: throughput, latency, memory, scaling, startup.")
public final class Benchmark implements Callable<Integer> {
  @Option(
      names = {"-c", "--clients"},
      description = "concurrent clients (default: ${DEFAULT-VALUE})")
  private int clients = 8;

  @Option(
      names = {"-d", "--duration"},
      description = "measured time of each load part, ISO 8601 (default: ${DEFAULT-VALUE})")
  private Duration duration = Duration.ofSeconds(30);

  @Option(
      names = {"-j", "--journeys"},
      description = "measure this many journeys instead of a duration (default: by duration)")
  private long journeys;

  @Option(
      names = {"-w", "--warm-up"},
      description =
          "shortest unmeasured time before each load part; it goes on in 10 s slices until"
              + " throughput stops rising by more than 5 %% (default: ${DEFAULT-VALUE})")
  private Duration warmUp = Duration.ofSeconds(30);

  @Option(
      names = "--warm-up-max",
      description =
          "longest warm-up; the same as --warm-up for a fixed one (default: ${DEFAULT-VALUE})")
  private Duration warmUpMax = Duration.ofMinutes(3);

  @Option(
      names = "--parts",
      split = ",",
      description = "what to run, any of ${COMPLETION-CANDIDATES} (default: all)")
  private Set<Part> parts = EnumSet.allOf(Part.class);

  @Option(
      names = "--heap",
      description = "-Xmx of the sandbox and the plain endpoint (default: ${DEFAULT-VALUE})")
  private String heap = "4g";

  @Option(
      names = "--scaling-heap",
      description = "-Xmx of the scaling sandbox (default: ${DEFAULT-VALUE})")
  private String scalingHeap = "8g";

  @Option(
      names = "--outgoing",
      description = "outgoing payments to preload (default: ${DEFAULT-VALUE})")
  private int outgoing = 1_000_000;

  @Option(
      names = "--incoming",
      description = "incoming payments to preload (default: ${DEFAULT-VALUE})")
  private int incoming = 100_000;

  @Option(
      names = "--scaling-wallets",
      description = "payer/payee pairs the preload is spread over (default: ${DEFAULT-VALUE})")
  private int scalingWallets = 100;

  @Option(
      names = "--scaling-samples",
      description =
          "measured rounds per operation, empty and preloaded (default: ${DEFAULT-VALUE})")
  private int scalingSamples = 2000;

  @Option(
      names = "--startup-runs",
      description = "starts timed per way of starting (default: ${DEFAULT-VALUE})")
  private int startupRuns = 5;

  @Option(
      names = "--sandbox-jvm-option",
      paramLabel = "OPTION",
      description =
          "another JVM option for the sandbox, e.g. -XX:StartFlightRecording=filename=s.jfr"
              + " to profile it (repeatable)")
  private List<String> sandboxJvmOptions = List.of();

  @Option(
      names = "--sandbox-gc",
      paramLabel = "OPTIONS",
      description =
          "collector options for the sandbox instead of ./sandbox's, space-separated, e.g."
              + " \"-XX:+UseG1GC -XX:MaxGCPauseMillis=5\" (default: ${DEFAULT-VALUE})")
  private String sandboxGc = String.join(" ", SandboxLauncher.COLLECTOR);

  @Option(
      names = "--pause-rounds",
      description =
          "rounds of --duration per server in the pauses part, alternating sandbox and Prism"
              + " (default: ${DEFAULT-VALUE})")
  private int pauseRounds = 2;

  @Option(
      names = "--junit5-rounds",
      description =
          "measured rounds of the junit5 part, each "
              + Junit5Run.TESTS_PER_ROUND
              + " tests with the extension and as many with WireMock (default: ${DEFAULT-VALUE})")
  private int junit5Rounds = 3;

  @Option(
      names = "--junit5-first-starts",
      description =
          "fresh JVMs per tool timing the junit5 part's first start (default: ${DEFAULT-VALUE})")
  private int junit5FirstStarts = 3;

  @Option(
      names = "--no-prism",
      description = "leave Stoplight Prism out of the side-by-side figures")
  private boolean noPrism;

  @Option(
      names = "--prism-cache",
      description =
          "where Prism is installed with npm the first time (default: ~/.cache/opkit-bench/prism-5.16)")
  private Path prismCache;

  @Option(
      names = "--root",
      description = "the repository root, with mock-server/ and ./sandbox (default: .)")
  private Path root = Path.of(".");

  @Option(
      names = "--work",
      description = "where configs and server logs go (default: ${DEFAULT-VALUE})")
  private Path work = Path.of("benchmarks/target/bench-run");

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new Benchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = System.out;
    PrintStream progress = System.err;
    LoadSettings load;
    ScalingSettings scaling;
    try {
      load = new LoadSettings(clients, WarmUp.between(warmUp, warmUpMax), duration, journeys);
      scaling =
          new ScalingSettings(
              outgoing, incoming, scalingWallets, scalingSamples, scalingSamples / 4, scalingHeap);
    } catch (IllegalArgumentException e) {
      System.err.println("benchmark: " + e.getMessage());
      return 2;
    }
    Path rootDir = root.toAbsolutePath().normalize();
    Path workDir = rootDir.resolve(work).normalize();
    if (parts.contains(Part.JUNIT5)) {
      // The junit5 part runs the sandbox in this JVM, which logs each request at INFO.
      System.setProperty(
          "org.slf4j.simpleLogger.logFile", workDir.resolve("junit5-in-process.log").toString());
    }
    Report report = new Report(out);
    report.heading("Open Payments sandbox benchmark");
    report.line("  machine   %s", Machine.current().describe());
    report.line("  parts     %s", parts);
    report.line("  logs      %s", workDir);
    report.line("  load      %s (1, 5, 15 min) at the start", Machine.loadAverage());

    List<String> collector =
        sandboxGc.isBlank() ? List.of() : List.of(sandboxGc.trim().split("\\s+"));
    Optional<Prism> prism = Optional.empty();
    if (!noPrism
        && (parts.contains(Part.PAUSES)
            || parts.contains(Part.FIRST_SECONDS)
            || parts.contains(Part.STARTUP))) {
      prism =
          Prism.locate(prismCache == null ? Prism.defaultCache() : prismCache, workDir, progress);
    }
    report.line("  sandbox   collector %s", collector.isEmpty() ? "(JVM default)" : collector);
    prism.ifPresent(p -> report.line("  Prism     %s", p.describe()));

    JourneyRun.Figures figures = null;
    SandboxLauncher launcher =
        new SandboxLauncher(rootDir, workDir, heap, collector, sandboxJvmOptions);
    if (parts.contains(Part.JOURNEYS) || parts.contains(Part.CRYPTO)) {
      figures =
          new JourneyRun(launcher, load, progress)
              .run(parts.contains(Part.JOURNEYS), parts.contains(Part.CRYPTO));
      report.heading(
          "Guide journeys: "
              + clients
              + " clients, "
              + load.warmUp().describe()
              + ", "
              + load.describeLength());
      report.line("  sandbox   %s", launcher.describe());
      report.line(
          "            continuation wait 0 s (profile switch continueWait: PT0S, so the guide's"
              + " continue follows consent at once); auto-consent accept");
      report.line(
          "  journey   %d requests, %d signed (every signed request verified by the sandbox)",
          GuideJourney.REQUESTS, GuideJourney.SIGNED_REQUESTS);
      if (figures.journeys() != null) {
        report.throughput(figures.journeys(), true);
        report.latencies(figures.journeys().latencies());
        report.footprint("sandbox at the end", figures.footprint());
      }
      if (figures.crypto() != null) {
        report.heading("Baseline (a): crypto ceiling, sign + verify the same requests, no HTTP");
        report.throughput(figures.crypto(), false);
      }
    }
    if (parts.contains(Part.POSTGRES)) {
      PostgresRun.Figures pg = new PostgresRun(launcher, load, workDir, progress).run();
      report.heading(
          "State in PostgreSQL: "
              + clients
              + " clients, "
              + load.warmUp().describe()
              + ", "
              + load.describeLength()
              + " each, in memory then --data-dir");
      report.line("  sandbox   %s [--data-dir DIR]", launcher.describe());
      report.line(
          "  %-26s %12s %12s %10s %10s %8s",
          "", "signed req/s", "journeys/s", "p50 ms", "p99 ms", "errors");
      report.storageRow("in memory", pg.memory().journeys());
      report.storageRow("embedded PostgreSQL", pg.postgres().journeys());
      PostgresRun.Cost cost = pg.cost();
      report.line(
          "  per payment (journey), over %,d payments: %.1f rows, %,.0f table bytes (with"
              + " indexes), %,.0f WAL bytes",
          cost.payments(),
          cost.per(cost.rows()),
          cost.per(cost.tableBytes()),
          cost.per(cost.walBytes()));
      report.latencies(pg.postgres().journeys().latencies());
    }
    LoadResult plain = null;
    if (parts.contains(Part.PLAIN) || parts.contains(Part.CPU)) {
      plain = new PlainRun(rootDir, workDir, heap, load, progress).run();
      report.heading(
          "Baseline (b): plain Javalin endpoint, same settings, reads JSON, answers 200");
      report.throughput(plain, false);
      report.latencies(plain.latencies());
    }
    if (figures != null
        && figures.journeys() != null
        && (figures.crypto() != null || plain != null)) {
      report.heading("Ratios");
      double signed = figures.journeys().signedRequestsPerSecond();
      if (figures.crypto() != null) {
        double ratio = signed / figures.crypto().signedRequestsPerSecond();
        report.ratio(
            "signed requests/s, sandbox / crypto ceiling",
            ratio,
            "aim >= " + Report.CEILING_AIM,
            ratio >= Report.CEILING_AIM);
      }
      if (plain != null) {
        report.ratio(
            "signed requests/s, sandbox / plain endpoint requests/s",
            signed / plain.requestsPerSecond(),
            "",
            true);
      }
      if (figures.crypto() != null && plain != null) {
        double bound = CeilingBound.of(Machine.current().cpus(), figures.crypto(), plain);
        if (bound > 0) {
          report.ratio("most any server could reach here (plain + crypto CPU)", bound, "", true);
        }
      }
    }
    SignedPostRun posts = new SignedPostRun(launcher, load, prism, rootDir, workDir, progress);
    if (parts.contains(Part.ALLOCATION) || parts.contains(Part.CPU)) {
      SignedPostRun.Cost cost = posts.cost(parts.contains(Part.ALLOCATION));
      if (parts.contains(Part.ALLOCATION)) {
        report.heading(
            "Allocation in the sandbox process per request ("
                + clients
                + " clients, "
                + load.describeLength()
                + " per phase)");
        report.allocation(cost);
      }
      if (parts.contains(Part.CPU)) {
        progress.println("cpu: timing one Ed25519 verification and one sha-512 digest");
        SignedPostRun.Floor floor =
            new SignedPostRun.Floor(
                plain.cpu().server().toNanos() / 1e3 / plain.requests(),
                SignedPostRun.cryptoMicros());
        report.heading("CPU per signed request in the sandbox process against its floor");
        report.cpu(cost.post(), floor);
      }
    }
    if (parts.contains(Part.PAUSES)) {
      SignedPostRun.Tail tail =
          new SignedPostRun(
                  new SandboxLauncher(rootDir, workDir, scalingHeap, collector, sandboxJvmOptions),
                  load,
                  prism,
                  rootDir,
                  workDir,
                  progress)
              .tail(outgoing, incoming, scalingWallets, pauseRounds);
      report.heading(
          "Pauses and p99 of signed POST /incoming-payments with stored payments, "
              + clients
              + " connections");
      report.tail(tail);
    }
    if (parts.contains(Part.FIRST_SECONDS)) {
      List<SignedPostRun.FirstSeconds> first = posts.firstSeconds();
      report.heading(
          "Signed POST /incoming-payments in the first 10 s after the first answer, against"
              + " steady");
      report.firstSeconds(first);
    }
    if (parts.contains(Part.SCALING)) {
      ScalingRun.Figures scaled =
          new ScalingRun(
                  new SandboxLauncher(rootDir, workDir, scalingHeap, collector, sandboxJvmOptions),
                  scaling,
                  progress)
              .run();
      report.heading(
          "Scaling: one client, "
              + scalingSamples
              + " alternating rounds on an empty sandbox and on one with "
              + String.format("%,d outgoing + %,d incoming payments", outgoing, incoming));
      report.scaling(scaled);
    }
    if (parts.contains(Part.STARTUP)) {
      List<StartupRun.Mode> modes =
          new StartupRun(rootDir, workDir, startupRuns, prism, progress).run();
      report.heading(
          "Startup: process start to the first answer (the sandbox's wallet address, Prism's"
              + " incoming payment), "
              + startupRuns
              + " runs");
      report.startup(modes);
    }
    if (parts.contains(Part.JUNIT5)) {
      Junit5Run.Figures junit5 =
          new Junit5Run(workDir, junit5Rounds, junit5FirstStarts, progress).run();
      report.heading(
          "JUnit 5: the extension's per-test overhead and first start against WireMock "
              + Junit5Run.wireMockVersion());
      report.junit5(junit5);
    }
    report.heading("Done");
    report.line("  load      %s (1, 5, 15 min) at the end", Machine.loadAverage());
    return 0;
  }
}
