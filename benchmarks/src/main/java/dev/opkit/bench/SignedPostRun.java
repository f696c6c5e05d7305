package dev.opkit.bench;

import dev.opkit.protocol.json.Json;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The parts about the cost of one signed request in the sandbox process, with Prism side by side
 * where the issue compares with it: bytes allocated per request (signed {@code POST
 * /incoming-payments} and the guide's journey), CPU per request against its floor, stop-the-world
 * pauses with a million stored payments, and throughput in the first 10 s after start against the
 * steady state.
 */
final class SignedPostRun {
  /** The first seconds after the first answer that the first-seconds part counts. */
  static final Duration FIRST = Duration.ofSeconds(10);

  private final SandboxLauncher launcher;
  private final LoadSettings settings;
  private final Optional<Prism> prism;
  private final Path root;
  private final Path work;
  private final PrintStream progress;

  SignedPostRun(
      SandboxLauncher launcher,
      LoadSettings settings,
      Optional<Prism> prism,
      Path root,
      Path work,
      PrintStream progress) {
    this.launcher = launcher;
    this.settings = settings;
    this.prism = prism;
    this.root = root;
    this.work = work;
    this.progress = progress;
  }

  /**
   * Allocation and CPU on one warm sandbox.
   *
   * @param post the signed POST phase
   * @param journeys the guide's journey phase
   */
  record Cost(Phase post, Phase journeys) {}

  /** A warm sandbox, signed POSTs measured, then the guide's journeys measured. */
  Cost cost(boolean withJourneys) throws InterruptedException {
    try (SandboxTarget sandbox = new SandboxTarget(launcher.start("cost"))) {
      progress.printf("cost: signed POST /incoming-payments, %s%n", settings.warmUp().describe());
      Phase post = measure(sandbox, settings.warmUp());
      Phase journeys = null;
      if (withJourneys) {
        progress.println("cost: the guide's journeys on the same sandbox");
        Measurements m = new Measurements();
        List<LoadGenerator.Work> work =
            sandbox.journeys(settings.clients(), m).stream()
                .map(j -> (LoadGenerator.Work) j::run)
                .toList();
        LoadGenerator.Probe probe = sandbox.probe();
        LoadResult load =
            new LoadGenerator(m, Optional.of(sandbox.process().handle()), probe)
                .run(work, settings.warmUp(), settings.duration(), settings.journeys());
        journeys = sandbox.phase(load);
      }
      return new Cost(post, journeys);
    }
  }

  /**
   * The floor of CPU per signed request: the plain endpoint's server CPU per request plus one
   * Ed25519 verification and one sha-512 digest.
   */
  record Floor(double plainMicros, double cryptoMicros) {
    double micros() {
      return plainMicros + cryptoMicros;
    }
  }

  /** The crypto share of the floor, timed in this process. */
  static double cryptoMicros() {
    String body =
        Json.write(
            Json.mapper()
                .createObjectNode()
                .put("walletAddress", "http://localhost:4100/bench-payee-0")
                .put("expiresAt", "2026-12-07T12:00:00.000Z")
                .set("incomingAmount", GuideJourney.usd(2000)));
    String base =
        """
        "@method": POST
        "@target-uri": http://localhost:4100/incoming-payments
        "authorization": GNAP 8F2C0E4A1B3D5F7E9A0C
        "content-digest": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:
        "content-length": 150
        "content-type": application/json
        "@signature-params": ("@method" "@target-uri" "authorization" "content-digest" "content-length" "content-type");keyid="bench-key-0";created=1765108800"""
            .strip();
    return CryptoFloor.microsPerRequest(body, base);
  }

  /**
   * Pauses and tail latency with many stored payments: the sandbox preloaded, then rounds of signed
   * POSTs alternating between the sandbox and Prism.
   *
   * @param sandbox the sandbox's rounds together, pauses over all of them
   * @param prism Prism's rounds together, or null without Prism
   */
  record Tail(Phase sandbox, LoadResult prism, long preloaded, int rounds) {}

  Tail tail(int outgoing, int incoming, int wallets, int rounds) throws InterruptedException {
    try (SandboxTarget sandbox = new SandboxTarget(launcher.start("pauses"));
        PrismTarget other = startPrism("pauses-prism")) {
      long preloaded = preload(sandbox.started(), outgoing, incoming, wallets);
      progress.printf(
          "pauses: %d alternating rounds of %s, sandbox%s%n",
          rounds, JourneyRun.human(settings.duration()), other == null ? " only" : " and Prism");
      Measurements sandboxTimes = new Measurements();
      Measurements prismTimes = new Measurements();
      List<LoadGenerator.Work> sandboxClients = sandbox.clients(settings.clients(), sandboxTimes);
      List<LoadGenerator.Work> prismClients =
          other == null ? List.of() : other.clients(settings.clients(), prismTimes);
      SafepointLog log = sandbox.started().safepoints();
      SandboxAdmin admin = sandbox.started().senderAdmin();
      List<LoadResult> sandboxRounds = new ArrayList<>();
      List<LoadResult> prismRounds = new ArrayList<>();
      // Pauses and counters from the first measured round's start to the last one's end.
      long[] mark = {-1};
      SandboxCounters[] before = {null};
      LoadGenerator.Probe span =
          new LoadGenerator.Probe() {
            @Override
            public void measuringStarts() {
              if (before[0] == null) {
                mark[0] = log.mark();
                before[0] = SandboxCounters.read(admin);
              }
            }

            @Override
            public void measuringEnds() {}
          };
      for (int round = 0; round < rounds; round++) {
        // The first round warms up until steady; later ones only reopen connections.
        WarmUp warmUp =
            round == 0
                ? settings.warmUp()
                : WarmUp.between(Duration.ofSeconds(2), Duration.ofSeconds(2));
        boolean prismFirst = round % 2 == 1;
        if (prismFirst && other != null) {
          prismRounds.add(roundOn(other, prismClients, prismTimes, warmUp, other.probe()));
        }
        sandboxRounds.add(roundOn(sandbox, sandboxClients, sandboxTimes, warmUp, span));
        if (!prismFirst && other != null) {
          prismRounds.add(roundOn(other, prismClients, prismTimes, warmUp, other.probe()));
        }
      }
      Pauses pauses = log.since(mark[0]);
      SandboxCounters used = SandboxCounters.read(admin).minus(before[0]);
      return new Tail(
          new Phase(merge(sandboxRounds), used, pauses),
          other == null ? null : merge(prismRounds),
          preloaded,
          rounds);
    }
  }

  /**
   * Signed-POST throughput in the first 10 s after a fresh server's first answer, and once steady.
   *
   * @param ready process start to the first answer
   * @param first the first 10 s (clients start right after the first answer and their setup)
   * @param steady after the warm-up
   */
  record FirstSeconds(
      String server, Duration ready, Duration setup, LoadResult first, LoadResult steady) {
    double ratio() {
      return first.requestsPerSecond() / steady.requestsPerSecond();
    }
  }

  List<FirstSeconds> firstSeconds() throws InterruptedException {
    List<FirstSeconds> result = new ArrayList<>();
    try (SandboxLauncher.Started started = launcher.start("first-seconds")) {
      long setupStart = System.nanoTime();
      SandboxTarget sandbox = new SandboxTarget(started);
      Measurements m = new Measurements();
      List<LoadGenerator.Work> clients = sandbox.clients(settings.clients(), m);
      Duration setup = Duration.ofNanos(System.nanoTime() - setupStart);
      result.add(firstAndSteady("sandbox", started.ready(), setup, clients, m, started.process()));
    }
    if (prism.isPresent()) {
      try (PrismTarget other = startPrism("first-seconds-prism")) {
        Measurements m = new Measurements();
        List<LoadGenerator.Work> clients = other.clients(settings.clients(), m);
        result.add(
            firstAndSteady("Prism", other.ready(), Duration.ZERO, clients, m, other.process()));
      }
    }
    return result;
  }

  private FirstSeconds firstAndSteady(
      String name,
      Duration ready,
      Duration setup,
      List<LoadGenerator.Work> clients,
      Measurements m,
      ServerProcess process)
      throws InterruptedException {
    progress.printf(
        "first seconds: %s, ready in %d ms, clients set up in %d ms%n",
        name, ready.toMillis(), setup.toMillis());
    LoadResult first =
        new LoadGenerator(m, Optional.of(process.handle()))
            .run(clients, WarmUp.between(Duration.ZERO, Duration.ZERO), FIRST, 0);
    LoadResult steady =
        new LoadGenerator(m, Optional.of(process.handle()))
            .run(clients, settings.warmUp(), settings.duration(), 0);
    return new FirstSeconds(name, ready, setup, first, steady);
  }

  private Phase measure(SandboxTarget sandbox, WarmUp warmUp) throws InterruptedException {
    Measurements m = new Measurements();
    List<LoadGenerator.Work> clients = sandbox.clients(settings.clients(), m);
    LoadGenerator.Probe probe = sandbox.probe();
    LoadResult load =
        new LoadGenerator(m, Optional.of(sandbox.process().handle()), probe)
            .run(clients, warmUp, settings.duration(), 0);
    return sandbox.phase(load);
  }

  private LoadResult roundOn(
      PostTarget target,
      List<LoadGenerator.Work> clients,
      Measurements m,
      WarmUp warmUp,
      LoadGenerator.Probe probe)
      throws InterruptedException {
    progress.printf("  round on %s%n", target.name());
    return new LoadGenerator(m, Optional.of(target.process().handle()), probe)
        .run(clients, warmUp, settings.duration(), 0);
  }

  private PrismTarget startPrism(String name) throws InterruptedException {
    if (prism.isEmpty()) {
      return null;
    }
    return PrismTarget.start(prism.get(), root, work.resolve(name + ".log"));
  }

  private long preload(SandboxLauncher.Started sandbox, int outgoing, int incoming, int wallets) {
    if (outgoing + incoming == 0) {
      return 0;
    }
    progress.printf(
        "pauses: preloading %,d outgoing and %,d incoming payments%n", outgoing, incoming);
    return Preload.run(sandbox.senderAdmin(), sandbox.receiverAdmin(), outgoing, incoming, wallets);
  }

  /** The rounds as one result: counts and times added, histograms merged. */
  static LoadResult merge(List<LoadResult> rounds) {
    long elapsed = 0;
    long journeys = 0;
    long requests = 0;
    long signed = 0;
    long errors = 0;
    List<String> messages = new ArrayList<>();
    java.util.Map<Step, Histogram> latencies = new java.util.EnumMap<>(Step.class);
    CpuTimes cpu = null;
    for (LoadResult r : rounds) {
      elapsed += r.elapsedNanos();
      journeys += r.journeys();
      requests += r.requests();
      signed += r.signedRequests();
      errors += r.errors();
      messages.addAll(r.errorMessages());
      r.latencies()
          .forEach((step, h) -> latencies.computeIfAbsent(step, s -> new Histogram(3)).add(h));
      if (r.cpu() != null) {
        cpu =
            cpu == null
                ? r.cpu()
                : new CpuTimes(
                    cpu.generator().plus(r.cpu().generator()),
                    cpu.server() == null || r.cpu().server() == null
                        ? null
                        : cpu.server().plus(r.cpu().server()));
      }
    }
    return new LoadResult(
        elapsed,
        journeys,
        requests,
        signed,
        errors,
        messages,
        latencies,
        rounds.get(0).warmUp(),
        cpu);
  }
}
