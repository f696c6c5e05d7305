package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./benchmark --help} answers from benchmarks/help.txt, without building anything. */
class BenchmarkHelpTest {
  private static final Path HELP = Path.of("help.txt");
  private static final Path SCRIPT = Path.of("..", "benchmark");

  @Test
  void helpFileWhenComparedThenIsTheBenchmarksOwnUsageMessage() throws IOException {
    CommandLine cli = new CommandLine(new Benchmark());

    assertThat(Files.readString(HELP)).isEqualTo(cli.getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  @Test
  void scriptWhenAskedForHelpOrVersionThenAnswersWithoutBuilding(@TempDir Path dir)
      throws Exception {
    Path built = dir.resolve("mvn-ran");
    Path mvn = dir.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\ntouch '" + built + "'\nexit 1\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));
    // A checkout without any jar: the script must not need one for these.
    Path checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("benchmarks"));
    Files.copy(SCRIPT, checkout.resolve("benchmark"));
    Files.copy(HELP, checkout.resolve("benchmarks/help.txt"));

    Result help = run(dir, checkout, "--help");
    Result version = run(dir, checkout, "-V");

    assertThat(help.code()).isZero();
    assertThat(help.out()).isEqualTo(Files.readString(HELP));
    assertThat(version.code()).isZero();
    assertThat(version.out().strip())
        .isEqualTo(new CommandLine(new Benchmark()).getCommandSpec().version()[0]);
    assertThat(built).doesNotExist();
  }

  private record Result(int code, String out) {}

  private static Result run(Path fakeBin, Path checkout, String arg) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("sh", checkout.resolve("benchmark").toString(), arg)
            .redirectErrorStream(true);
    builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out);
  }
}
