package dev.opkit.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.conformance.standin.HandOffConsentOperator;
import dev.opkit.conformance.standin.KitRun;
import dev.opkit.mock.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement behind the README's numbers for {@code opkit.wallet.parallel} (issue 19, item 6):
 * the whole kit against an in-process sandbox standing in for a real wallet, every grant asking its
 * real 5 s {@code wait}, consents by an operator's command, once one scenario at a time and once
 * with the default parallelism. Minutes long, so it runs only when asked:
 *
 * <pre>
 * mvn -B -o -pl conformance-tests -am verify -Dtest=WalletRunDurationTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dmeasure.wallet-run=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "measure.wallet-run", matches = "true")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class WalletRunDurationTest {
  @TempDir Path dir;

  @Test
  void wholeRunWhenScenariosRunSideBySideThenFasterThanOneAtATime() throws IOException {
    SandboxTarget sandbox = SandboxTarget.inProcess(SandboxConfig.defaults());
    try {
      Duration alone = timedRun(sandbox, 1, dir.resolve("alone"));
      Duration sideBySide =
          timedRun(sandbox, WalletTarget.DEFAULT_PARALLEL, dir.resolve("side-by-side"));
      System.out.printf(
          "whole wallet run against the in-process sandbox: %d s with opkit.wallet.parallel=1,"
              + " %d s with %d%n",
          alone.toSeconds(), sideBySide.toSeconds(), WalletTarget.DEFAULT_PARALLEL);
      assertThat(sideBySide).isLessThan(alone);
    } finally {
      sandbox.close();
    }
  }

  private static Duration timedRun(SandboxTarget sandbox, int parallel, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    try (HandOffConsentOperator operator = HandOffConsentOperator.start(dir)) {
      String[] features = allFeatures();
      long started = System.nanoTime();
      KitRun.Result result =
          KitRun.run(
              dir,
              WalletRunTest.settings(sandbox, parallel, dir, operator.command()),
              null,
              features);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf(
          "whole wallet run, opkit.wallet.parallel=%d: %d s%n", parallel, took.toSeconds());
      assertThat(result.exitCode()).as(result.read("summary.txt")).isZero();
      assertThat(operator.problems()).isEmpty();
      return took;
    }
  }

  /** Every feature file, as paths under {@code features/}. */
  private static String[] allFeatures() throws IOException {
    Path features = Path.of("..", "features");
    try (Stream<Path> files = Files.walk(features)) {
      List<String> paths =
          files
              .filter(file -> file.toString().endsWith(".feature"))
              .map(file -> features.relativize(file).toString().replace('\\', '/'))
              .sorted()
              .toList();
      return paths.toArray(String[]::new);
    }
  }
}
