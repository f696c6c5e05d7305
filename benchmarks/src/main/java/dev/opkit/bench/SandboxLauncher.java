package dev.opkit.bench;

import dev.opkit.sandbox.admin.SandboxAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the sandbox fat jar ({@code mock-server/target/mock-server.jar}) as its own process for a
 * benchmark, with two providers on free loopback ports, auto-consent on, and the continuation
 * {@code wait} set to zero through the profile switch {@code continueWait} so a client may continue
 * right after consent.
 */
final class SandboxLauncher {
  // Bulk preload of a million payments takes minutes.
  private static final Duration ADMIN_TIMEOUT = Duration.ofMinutes(10);
  private static final HttpClient ADMIN_HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  static final String JAR = "mock-server/target/mock-server.jar";
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The collector settings {@code ./sandbox} and the Docker image start the sandbox with
   * (docs/benchmarks.md, "Pauses"); {@code SandboxJvmOptionsTest} keeps the three equal.
   */
  static final List<String> COLLECTOR = List.of("-XX:+UseG1GC");

  private final Path root;
  private final Path work;
  private final String heap;
  private final List<String> collector;
  private final List<String> jvmOptions;

  /**
   * @param root the repository root (where {@code mock-server/} is)
   * @param work where configs and server logs go
   * @param heap the sandbox's {@code -Xmx}, e.g. {@code 4g}
   * @param collector the collector options, {@link #COLLECTOR} unless a run compares others
   * @param jvmOptions more options for the sandbox's JVM, e.g. to record a flight recording
   */
  SandboxLauncher(
      Path root, Path work, String heap, List<String> collector, List<String> jvmOptions) {
    this.root = root;
    this.work = work;
    this.heap = heap;
    this.collector = List.copyOf(collector);
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** A started sandbox: its process, its two providers' origins and its safepoint log. */
  record Started(
      ServerProcess process,
      String senderOrigin,
      String receiverOrigin,
      Duration ready,
      SafepointLog safepoints)
      implements AutoCloseable {
    /** The typed admin client of the sending provider's default session. */
    SandboxAdmin senderAdmin() {
      return SandboxLauncher.admin(senderOrigin);
    }

    /** The typed admin client of the receiving provider's default session. */
    SandboxAdmin receiverAdmin() {
      return SandboxLauncher.admin(receiverOrigin);
    }

    @Override
    public void close() {
      process.close();
    }
  }

  /** The command line the sandbox runs with (for the report). */
  String describe() {
    return "java -Xmx"
        + heap
        + (collector.isEmpty() ? "" : " " + String.join(" ", collector))
        + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions))
        + " -jar "
        + JAR
        + " --config <benchmark config>";
  }

  /** Starts a sandbox; {@code name} names its config and log files. */
  Started start(String name) throws InterruptedException {
    return start(name, List.of());
  }

  /** Starts a sandbox with more command-line arguments, e.g. {@code --data-dir DIR}. */
  Started start(String name, List<String> arguments) throws InterruptedException {
    Path jar = root.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new JourneyFailure(jar + " is missing; build it with ./sandbox or ./benchmark");
    }
    List<Integer> ports = FreePorts.take(2);
    Path config = work.resolve(name + ".yaml");
    write(config, config(ports.get(0), ports.get(1)));
    List<String> command = new ArrayList<>();
    command.add(Java.executable());
    command.add("-Xmx" + heap);
    command.addAll(collector);
    SafepointLog safepoints = new SafepointLog(work.resolve(name + "-safepoints.log"));
    deleteIfThere(work.resolve(name + "-safepoints.log"));
    command.add(safepoints.jvmOption());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--config");
    command.add(config.toString());
    command.addAll(arguments);
    ServerProcess process = ServerProcess.start(command, root, work.resolve(name + ".log"));
    String sender = "http://localhost:" + ports.get(0);
    try {
      Duration ready = process.awaitReady(sender + "/alice", START_TIMEOUT);
      return new Started(process, sender, "http://localhost:" + ports.get(1), ready, safepoints);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  /** The typed admin client of a provider's default session, e.g. {@code http://localhost:4000}. */
  static SandboxAdmin admin(String origin) {
    return SandboxAdmin.connect(ADMIN_HTTP, origin + "/admin", null).withTimeout(ADMIN_TIMEOUT);
  }

  /** The benchmark sandbox's configuration file (YAML, README "Configuration"). */
  static String config(int senderPort, int receiverPort) {
    return """
        # Written by the benchmark: two providers on loopback, consent without a person, and no
        # continuation wait so the guide's continue follows the consent at once.
        host: localhost
        profileOverrides:
          continueWait: PT0S
        auth:
          autoConsent: accept
        ases:
          - name: ase1
            port: %d
            wallets:
              - { name: alice, publicName: Alice, assetCode: USD, assetScale: 2, balance: 100000 }
          - name: ase2
            port: %d
            wallets:
              - { name: dave, publicName: Dave, assetCode: USD, assetScale: 2, balance: 100000 }
        """
        .formatted(senderPort, receiverPort);
  }

  private static void deleteIfThere(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
