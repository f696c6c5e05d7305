package dev.opkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism, the generic OpenAPI mock a user would otherwise pick, run from the same
 * resource-server description the sandbox validates against, for figures side by side with the
 * sandbox's. Installed once with npm into a cache outside the repository; without node or npm the
 * benchmark says so and leaves Prism out.
 */
final class Prism {
  /** The version compared with, as npm names it. */
  static final String PACKAGE = "@stoplight/prism-cli@5.16";

  /** The headers the resource server's operations require; Prism checks they are there. */
  static final Map<String, String> REQUIRED_HEADERS =
      Map.of(
          "Authorization", "GNAP PRISMBENCHMARKTOKEN",
          "Signature", "sig1=:AAAA:",
          "Signature-Input", "sig1=(\"@method\");keyid=\"k\";created=1");

  private final Path executable;
  private final Path spec;

  private Prism(Path executable, Path spec) {
    this.executable = executable;
    this.spec = spec;
  }

  /** The default cache: {@code ~/.cache/opkit-bench/prism-5.16}. */
  static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".cache", "opkit-bench", "prism-5.16");
  }

  /**
   * Prism from {@code cache}, installed there first when missing; empty (and a message on {@code
   * progress}) when node or npm is missing or the install failed.
   */
  static Optional<Prism> locate(Path cache, Path work, PrintStream progress)
      throws InterruptedException {
    Path executable = cache.resolve("node_modules/.bin/prism");
    if (!Files.isExecutable(executable)) {
      if (!onPath("node") || !onPath("npm")) {
        progress.println(
            "prism: node or npm is not on the PATH, so the Prism columns are left out (install"
                + " Node.js 20+ to compare with "
                + PACKAGE
                + ")");
        return Optional.empty();
      }
      progress.println("prism: installing " + PACKAGE + " into " + cache + " (once)");
      try {
        Files.createDirectories(cache);
        Path log = work.resolve("prism-install.log");
        Files.createDirectories(work);
        Process npm =
            new ProcessBuilder(
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    cache.toString(),
                    PACKAGE)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(10, TimeUnit.MINUTES)
            || npm.exitValue() != 0
            || !Files.isExecutable(executable)) {
          npm.destroyForcibly();
          progress.println("prism: npm install failed, so Prism is left out; see " + log);
          return Optional.empty();
        }
      } catch (IOException e) {
        progress.println("prism: could not install (" + e.getMessage() + "), so Prism is left out");
        return Optional.empty();
      }
    }
    return Optional.of(new Prism(executable, writeSpec(work)));
  }

  /** The command that starts Prism on {@code port}. */
  List<String> command(int port) {
    return List.of(
        executable.toString(),
        "mock",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(port),
        spec.toString());
  }

  /** Prism's version line, for the report. */
  String describe() {
    return "prism mock " + spec.getFileName() + " (" + PACKAGE + ", node " + nodeVersion() + ")";
  }

  /** A URL Prism answers 200 once it listens, given {@link #REQUIRED_HEADERS}. */
  static String readyUrl(int port) {
    return "http://127.0.0.1:" + port + "/incoming-payments/ready";
  }

  private static Path writeSpec(Path work) {
    try (InputStream in = Prism.class.getResourceAsStream("/openapi/resource-server.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the protocol module's resource-server.yaml is missing");
      }
      Path file = work.resolve("prism-resource-server.yaml");
      Files.createDirectories(work);
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nodeVersion() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      node.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
