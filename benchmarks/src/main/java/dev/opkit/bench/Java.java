package dev.opkit.bench;

import java.nio.file.Path;

/** The Java runtime the benchmark runs on, used to start the servers it measures too. */
final class Java {
  private Java() {}

  /** The {@code java} executable of this process. */
  static String executable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The jar (or classes directory) the benchmark's own classes come from. */
  static Path ownCodeSource() {
    try {
      return Path.of(Java.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("the benchmark's code source is not a file", e);
    }
  }
}
