package dev.opkit.conformance.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real {@code mvn} prints when {@code ./sandbox}, {@code ./opm}, {@code ./kit} and {@code
 * ./benchmark} build quietly: nothing, in particular not the ANSI reset ({@code ESC[0m}) that
 * Maven's jansi writes on exit under {@code -q} unless {@code .mvn/jvm.config} says {@code
 * -Djansi.noreset=true}.
 */
class MavenOutputTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private String quietMaven(Path workdir, List<String> arguments) throws Exception {
    Path out = dir.resolve("out.txt");
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().addAll(List.of("mvn", "-B", "-q", "-o", "-N"));
    builder.command().addAll(arguments);
    builder
        .command()
        .addAll(List.of("-Denforcer.skip=true", "-Dspotless.check.skip=true", "validate"));
    builder.directory(workdir.toFile());
    builder.redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(read(dir.resolve("err.txt"))).isZero();
    return read(out);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void quietBuildWhenStartedInTheRepositoryThenNoAnsiCodes() throws Exception {
    assertThat(quietMaven(REPOSITORY, List.of())).doesNotContain("\u001b").isEmpty();
  }

  @Test
  void quietBuildWhenStartedElsewhereWithThePomNamedThenNoAnsiCodes() throws Exception {
    // ./opm builds with -f from wherever the user is.
    String out = quietMaven(dir, List.of("-f", REPOSITORY.resolve("pom.xml").toString()));

    assertThat(out).doesNotContain("\u001b").isEmpty();
  }
}
