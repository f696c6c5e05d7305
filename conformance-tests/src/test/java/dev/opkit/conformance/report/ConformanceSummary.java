package dev.opkit.conformance.report;

import dev.opkit.conformance.grading.Findings;
import dev.opkit.conformance.targets.Kit;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Cucumber plugin that grades every scenario (passed, failed, divergent, skipped) and prints the
 * {@link SummaryReport} when the run ends: to standard output without an argument ({@code
 * dev.opkit.conformance.report.ConformanceSummary}), or to a file with one ({@code
 * …ConformanceSummary:target/conformance-reports/summary.txt}). Divergences, skip reasons and a
 * failed scenario's last exchanges reach it as attachments (see {@link Findings}).
 */
public final class ConformanceSummary implements ConcurrentEventListener {
  private static final String FEATURES_ROOT = "features/";

  private final PrintStream out;
  private final Map<UUID, List<ScenarioOutcome.Finding>> findings = new ConcurrentHashMap<>();
  private final Map<UUID, String> exchanges = new ConcurrentHashMap<>();
  private final Queue<ScenarioOutcome> outcomes = new ConcurrentLinkedQueue<>();
  private volatile Instant started = Instant.now();

  /** Prints to {@code out}: standard output, or the file named in the plugin's argument. */
  public ConformanceSummary(OutputStream out) {
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
    publisher.registerHandlerFor(EmbedEvent.class, this::attached);
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(TestRunFinished.class, this::print);
  }

  private void attached(EmbedEvent event) {
    UUID id = event.getTestCase().getId();
    String text = new String(event.getData(), StandardCharsets.UTF_8);
    if (Findings.DIVERGENCE_MEDIA_TYPE.equals(event.getMediaType())) {
      findings
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add(new ScenarioOutcome.Finding(event.getName(), text));
    } else if (Findings.EXCHANGES_MEDIA_TYPE.equals(event.getMediaType())) {
      exchanges.put(id, text);
    }
  }

  private void finished(TestCaseFinished event) {
    TestCase testCase = event.getTestCase();
    Result result = event.getResult();
    List<ScenarioOutcome.Finding> found = findings.getOrDefault(testCase.getId(), List.of());
    Grade grade = grade(result.getStatus(), !found.isEmpty());
    String reason =
        switch (grade) {
          case FAILED, SKIPPED -> reason(result);
          default -> null;
        };
    outcomes.add(
        new ScenarioOutcome(
            feature(testCase.getUri()),
            testCase.getLocation().getLine(),
            testCase.getName(),
            grade,
            reason,
            found,
            grade == Grade.FAILED ? exchanges.get(testCase.getId()) : null));
  }

  static Grade grade(Status status, boolean hasFindings) {
    return switch (status) {
      case PASSED -> hasFindings ? Grade.DIVERGENT : Grade.PASSED;
      case SKIPPED -> Grade.SKIPPED;
      default -> Grade.FAILED;
    };
  }

  private static String reason(Result result) {
    Throwable error = result.getError();
    if (error == null) {
      return result.getStatus() == Status.UNDEFINED
          ? "a step has no definition"
          : result.getStatus().name().toLowerCase(Locale.ROOT);
    }
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }

  static String feature(URI uri) {
    String text = uri.toString();
    int root = text.lastIndexOf(FEATURES_ROOT);
    return root < 0 ? text : text.substring(root + FEATURES_ROOT.length());
  }

  private void print(TestRunFinished event) {
    Throwable runError = event.getResult() == null ? null : event.getResult().getError();
    if (outcomes.isEmpty() && runError != null) {
      out.println();
      out.println(runError.toString());
      out.flush();
      return;
    }
    SummaryReport report =
        new SummaryReport(
            Kit.describeTarget().orElse("(no target: the kit did not start)"),
            Duration.between(started, event.getInstant()),
            List.copyOf(outcomes));
    out.print(report.render());
    out.flush();
  }
}
