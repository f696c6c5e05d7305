package dev.opkit.conformance.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./kit} script itself, run by {@code sh} from a copy in a directory of the test's, with
 * a stand-in {@code mvn} on the {@code PATH} that records its arguments and plays what a run of the
 * kit leaves behind (its output and the exit-code file of the reports).
 */
class KitScriptTest {
  private static final String FAKE_MVN =
      """
      #!/bin/sh
      printf '%s\\n' "$@" > "$FAKE_MVN_ARGS"
      if [ -n "${FAKE_EXIT_CODE:-}" ]; then
        mkdir -p "$FAKE_REPORTS"
        printf '%s\\n' "$FAKE_EXIT_CODE" > "$FAKE_REPORTS/exit-code"
      fi
      printf '%s' "${FAKE_STDOUT:-}"
      exit "${FAKE_MVN_STATUS:-0}"
      """;

  @TempDir Path dir;
  private Path kit;
  private Path reports;

  private record Run(int status, String out, String err, List<String> mavenArguments) {}

  @BeforeEach
  void copyTheScript() throws IOException {
    kit = dir.resolve("kit");
    Files.copy(Path.of("..", "kit"), kit, StandardCopyOption.COPY_ATTRIBUTES);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, FAKE_MVN);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));
    reports = dir.resolve("conformance-tests/target/conformance-reports");
  }

  private Run run(Map<String, String> fake, String... arguments) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Path args = dir.resolve("mvn-args.txt");
    Path workdir = Files.createDirectories(dir.resolve("work"));
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("sh");
    builder.command().add(kit.toString());
    builder.command().addAll(List.of(arguments));
    builder.directory(workdir.toFile());
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    environment.put("FAKE_MVN_ARGS", args.toString());
    environment.put("FAKE_REPORTS", reports.toString());
    environment.putAll(fake);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        Files.exists(args) ? Files.readAllLines(args, StandardCharsets.UTF_8) : List.of());
  }

  @Test
  void runWhenTheKitCannotStartThenOnlyItsMessageAndExitStatus3() throws Exception {
    Run run =
        run(
            Map.of(
                "FAKE_EXIT_CODE", "3",
                "FAKE_STDOUT",
                    "The conformance kit cannot start: opkit.wallet.sender is not set\n"),
            "--target",
            "wallet");

    assertThat(run.status()).isEqualTo(3);
    assertThat(run.out())
        .isEqualTo("The conformance kit cannot start: opkit.wallet.sender is not set\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void runWhenAScenarioBrokeAMustThenTheReportsAndExitStatus1EvenThoughMavenSucceeded()
      throws Exception {
    Run run =
        run(Map.of("FAKE_EXIT_CODE", "1", "FAKE_STDOUT", "Verdict: 1 scenario(s) broke a MUST\n"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Reports: "
                + dir.toRealPath()
                + "/conformance-tests/target/conformance-reports/ (index.html to open, junit.xml"
                + " for CI, summary.txt)\n");
    assertThat(run.mavenArguments()).contains("-Dmaven.test.failure.ignore=true");
  }

  @Test
  void runWhenTheBuildFailsBeforeAnyScenarioThenExitStatus4SayingWhy() throws Exception {
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("exit-code"), "0\n");

    Run run = run(Map.of("FAKE_MVN_STATUS", "1"));

    assertThat(run.status()).isEqualTo(4);
    assertThat(run.err())
        .contains("the build failed before any scenario ran")
        .doesNotContain("Reports:");
  }

  @Test
  void runWhenOptionsThenMavenPropertiesWithPathsFromWhereTheKitWasStarted() throws Exception {
    Run run =
        run(
            Map.of("FAKE_EXIT_CODE", "0"),
            "--config",
            "kit-wallet.properties",
            "--events=events.jsonl",
            "--tags",
            "not @consent",
            "-Dopkit.wallet.parallel=2");

    Path workdir = dir.resolve("work").toRealPath();
    assertThat(run.status()).isZero();
    assertThat(run.mavenArguments())
        .contains(
            "-Dopkit.config=" + workdir + "/kit-wallet.properties",
            "-Dopkit.events=" + workdir + "/events.jsonl",
            "-Dcucumber.filter.tags=not @consent",
            "-Dopkit.wallet.parallel=2",
            "-Dopkit.workdir=" + workdir);
  }

  @Test
  void runWhenAnOptionHasNoValueThenExitStatus2BeforeMaven() throws Exception {
    Run run = run(Map.of(), "--events");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("kit: --events needs a value; try ./kit --help\n");
    assertThat(run.mavenArguments()).isEmpty();
  }
}
