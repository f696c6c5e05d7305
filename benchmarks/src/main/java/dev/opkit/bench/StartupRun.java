package dev.opkit.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The startup part: the time from starting the sandbox's process to the first successful {@code
 * GET} of a wallet address, for {@code java -jar} and for the {@code ./sandbox} script (which uses
 * a class-data archive), several runs each.
 */
final class StartupRun {
  private final Path root;
  private final Path work;
  private final int runs;
  private final PrintStream progress;
  private final java.util.Optional<Prism> prism;

  StartupRun(
      Path root, Path work, int runs, java.util.Optional<Prism> prism, PrintStream progress) {
    this.root = root;
    this.work = work;
    this.runs = runs;
    this.prism = prism;
    this.progress = progress;
  }

  /**
   * The runs of one way to start.
   *
   * @param command how it was started
   * @param times each run's time to the first wallet address answer, in start order
   */
  record Mode(String command, List<Duration> times) {
    Mode {
      times = List.copyOf(times);
    }

    Duration median() {
      List<Duration> sorted = times.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }

    Duration best() {
      return times.stream().min(Duration::compareTo).orElseThrow();
    }

    Duration worst() {
      return times.stream().max(Duration::compareTo).orElseThrow();
    }
  }

  List<Mode> run() throws InterruptedException {
    Path jar = root.resolve(SandboxLauncher.JAR);
    Path script = root.resolve("sandbox");
    List<Mode> modes = new ArrayList<>();
    modes.add(
        measure(
            "java -jar " + SandboxLauncher.JAR,
            List.of(Java.executable(), "-jar", jar.toString())));
    if (Files.isExecutable(script)) {
      // The script records its class-data archive on its first start; that run is not timed.
      progress.println("startup: priming ./sandbox (it records its class-data archive once)");
      once(List.of(script.toString()), "startup-prime");
      modes.add(measure("./sandbox", List.of(script.toString())));
    }
    if (prism.isPresent()) {
      List<Duration> times = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        int port = FreePorts.take(1).get(0);
        try (ServerProcess process =
            ServerProcess.start(
                prism.get().command(port), root, work.resolve("startup-prism-" + i + ".log"))) {
          times.add(
              process.awaitReady(
                  Prism.readyUrl(port), Prism.REQUIRED_HEADERS, SandboxLauncher.START_TIMEOUT));
        }
      }
      progress.printf(
          "startup: prism: %s%n", times.stream().map(d -> d.toMillis() + " ms").toList());
      modes.add(new Mode("prism mock resource-server.yaml", times));
    }
    return modes;
  }

  private Mode measure(String name, List<String> command) throws InterruptedException {
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(once(command, "startup-" + i));
    }
    progress.printf(
        "startup: %s: %s%n", name, times.stream().map(d -> d.toMillis() + " ms").toList());
    return new Mode(name, times);
  }

  /** Starts the sandbox on free ports, waits for its first wallet address answer, stops it. */
  private Duration once(List<String> command, String logName) throws InterruptedException {
    List<Integer> ports = FreePorts.take(2);
    List<String> full = new ArrayList<>(command);
    full.add("--port");
    full.add("ase1=" + ports.get(0));
    full.add("--port");
    full.add("ase2=" + ports.get(1));
    try (ServerProcess process = ServerProcess.start(full, root, work.resolve(logName + ".log"))) {
      return process.awaitReady(
          "http://localhost:" + ports.get(0) + "/alice", SandboxLauncher.START_TIMEOUT);
    }
  }
}
