package dev.opkit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The junit5 part: the sandbox's JUnit 5 extension against WireMock, both run through the JUnit
 * Platform as a user's build runs them. Per test, in this JVM, rounds alternating: the extension's
 * work for one test ({@link ExtensionCases}: a session with two wallets, a client identity with a
 * fresh key, the session deleted) against WireMock's per-test restart ({@link WireMockCases}). The
 * first start, each in a fresh JVM, alternating: from the test class's start to its first test's
 * start (the extension starts its sandbox, {@code @WireMockTest} its server, both before the
 * class's tests) and to that test's end (the extension has then made and deleted the first
 * session).
 */
final class Junit5Run {
  /** Tests of each class in one round (a constant: {@code @RepeatedTest} needs one). */
  static final int TESTS_PER_ROUND = 100;

  private static final int WARM_UP_ROUNDS = 2;
  private static final String FIRST_START = "first-start-nanos ";
  private static final Duration FIRST_START_TIMEOUT = Duration.ofMinutes(2);

  private final Path work;
  private final int rounds;
  private final int firstStarts;
  private final PrintStream progress;

  Junit5Run(Path work, int rounds, int firstStarts, PrintStream progress) {
    this.work = work;
    this.rounds = rounds;
    this.firstStarts = firstStarts;
    this.progress = progress;
  }

  /** One tool's times, in nanoseconds. */
  record Timings(List<Long> nanos) {
    Timings {
      nanos = nanos.stream().sorted().toList();
    }

    double medianMillis() {
      return percentileMillis(50);
    }

    double p90Millis() {
      return percentileMillis(90);
    }

    double bestMillis() {
      return nanos.get(0) / 1e6;
    }

    double worstMillis() {
      return nanos.get(nanos.size() - 1) / 1e6;
    }

    /** Nearest rank. */
    private double percentileMillis(double percent) {
      int rank = (int) Math.ceil(percent / 100 * nanos.size());
      return nanos.get(Math.max(0, rank - 1)) / 1e6;
    }
  }

  /**
   * @param extension the extension's time per test (warm JVM)
   * @param wireMock WireMock's restart per test (warm JVM)
   * @param extensionFirst the extension's first start (its sandbox's), one per fresh JVM
   * @param wireMockFirst WireMock's first start, one per fresh JVM
   * @param extensionFirstTest the class's start to its first test's end, with the extension
   * @param wireMockFirstTest the same with WireMock
   */
  record Figures(
      Timings extension,
      Timings wireMock,
      Timings extensionFirst,
      Timings wireMockFirst,
      Timings extensionFirstTest,
      Timings wireMockFirstTest,
      int warmUpRounds,
      int measuredRounds) {}

  /** The version of the WireMock measured, as its jar says. */
  static String wireMockVersion() {
    return com.github.tomakehurst.wiremock.core.Version.getCurrentVersion();
  }

  Figures run() throws InterruptedException {
    List<Long> extensionFirst = new ArrayList<>();
    List<Long> wireMockFirst = new ArrayList<>();
    List<Long> extensionFirstTest = new ArrayList<>();
    List<Long> wireMockFirstTest = new ArrayList<>();
    for (int i = 0; i < firstStarts; i++) {
      // Alternating which goes first, so that what else the machine does weighs on both alike.
      boolean extensionFirstInPair = i % 2 == 0;
      for (String tool :
          extensionFirstInPair
              ? List.of("extension", "wiremock")
              : List.of("wiremock", "extension")) {
        long[] nanos = firstStartInFreshJvm(tool, i);
        boolean extension = tool.equals("extension");
        (extension ? extensionFirst : wireMockFirst).add(nanos[0]);
        (extension ? extensionFirstTest : wireMockFirstTest).add(nanos[1]);
        progress.printf(
            Locale.ROOT,
            "junit5: a fresh JVM, %s: first start %.0f ms, first test done %.0f ms%n",
            tool,
            nanos[0] / 1e6,
            nanos[1] / 1e6);
      }
    }
    List<Long> extension = new ArrayList<>();
    List<Long> wireMock = new ArrayList<>();
    // The first rounds let the JIT compile both request paths; they are not counted.
    int warmUp = WARM_UP_ROUNDS;
    for (int round = 0; round < warmUp + rounds; round++) {
      boolean measured = round >= warmUp;
      List<Long> ext = execute(selectClass(ExtensionCases.class)).perTest();
      List<Long> wm = execute(selectClass(WireMockCases.class)).perTest();
      progress.printf(
          Locale.ROOT,
          "junit5: round %d%s: extension median %.1f ms, WireMock restart median %.1f ms%n",
          round + 1,
          measured ? "" : " (warm-up)",
          new Timings(ext).medianMillis(),
          new Timings(wm).medianMillis());
      if (measured) {
        extension.addAll(ext);
        wireMock.addAll(wm);
      }
    }
    return new Figures(
        new Timings(extension),
        new Timings(wireMock),
        new Timings(extensionFirst),
        new Timings(wireMockFirst),
        new Timings(extensionFirstTest),
        new Timings(wireMockFirstTest),
        warmUp,
        rounds);
  }

  /** The first start and the first test's end, from the class's start, in nanoseconds. */
  private long[] firstStartInFreshJvm(String tool, int index) throws InterruptedException {
    Path log = work.resolve("junit5-first-" + tool + "-" + index + ".log");
    List<String> command =
        List.of(
            Java.executable(),
            // The sandbox logs each request at INFO: to this file, not the benchmark's output.
            "-Dorg.slf4j.simpleLogger.logFile=" + log,
            "-cp",
            Java.ownCodeSource().toString(),
            Junit5Run.class.getName(),
            tool);
    Path out = work.resolve("junit5-first-" + tool + "-" + index + ".out");
    try {
      Files.createDirectories(work);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(FIRST_START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new JourneyFailure("the first start of " + tool + " took over 2 minutes; see " + out);
      }
      return Files.readAllLines(out).stream()
          .filter(l -> l.startsWith(FIRST_START))
          .map(l -> l.substring(FIRST_START.length()).trim().split(" "))
          .map(n -> new long[] {Long.parseLong(n[0]), Long.parseLong(n[1])})
          .findFirst()
          .orElseThrow(
              () -> new JourneyFailure("the first start of " + tool + " failed; see " + out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** In a fresh JVM: one test of the tool's class; prints its first start and first test. */
  public static void main(String[] args) {
    Recorder recorder;
    if (args[0].equals("extension")) {
      java.lang.reflect.Method test =
          java.util.Arrays.stream(ExtensionCases.class.getDeclaredMethods())
              .filter(m -> m.getName().equals("test"))
              .findFirst()
              .orElseThrow();
      recorder = execute(selectIteration(selectMethod(ExtensionCases.class, test), 0));
    } else {
      recorder = execute(selectClass(WireMockClassCases.class));
    }
    System.out.println(FIRST_START + recorder.firstStart() + " " + recorder.firstTestDone());
    System.exit(0);
  }

  private static Recorder execute(DiscoverySelector selector) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selector).build();
    Launcher launcher = LauncherFactory.create();
    Recorder recorder = new Recorder();
    launcher.execute(request, recorder);
    recorder.requireAllPassed();
    return recorder;
  }

  /** Each test's time from its start to its end as JUnit reports them, and the class's start. */
  private static final class Recorder implements TestExecutionListener {
    private final java.util.Map<String, Long> started = new java.util.HashMap<>();
    private final List<Long> perTest = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long classStarted = -1;
    private long firstTestStarted = -1;
    private long firstTestFinished = -1;

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
      long now = System.nanoTime();
      if (test.isTest()) {
        started.put(test.getUniqueId(), now);
        if (firstTestStarted < 0) {
          firstTestStarted = now;
        }
      } else if (classStarted < 0
          && test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
        classStarted = now;
      }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
      long now = System.nanoTime();
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failures.add(
            test.getDisplayName()
                + ": "
                + result.getThrowable().map(Throwable::toString).orElse("" + result.getStatus()));
      }
      if (test.isTest()) {
        perTest.add(now - started.remove(test.getUniqueId()));
        if (firstTestFinished < 0) {
          firstTestFinished = now;
        }
      }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
      failures.add(test.getDisplayName() + " skipped: " + reason);
    }

    synchronized void requireAllPassed() {
      if (!failures.isEmpty() || perTest.isEmpty()) {
        throw new JourneyFailure("the junit5 part's tests failed: " + failures);
      }
    }

    synchronized List<Long> perTest() {
      return List.copyOf(perTest);
    }

    /** The class's start to its first test's start: what runs before the class's tests. */
    synchronized long firstStart() {
      return firstTestStarted - classStarted;
    }

    synchronized long firstTestDone() {
      return firstTestFinished - classStarted;
    }
  }
}
