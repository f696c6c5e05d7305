package dev.opkit.conformance.report;

import dev.opkit.conformance.targets.Kit;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Cucumber plugin that prints the {@link SummaryReport} on standard output when the run ends
 * ({@code dev.opkit.conformance.report.ConformanceSummary}), and in GitHub Actions the {@link
 * GitHubAnnotations} for divergent and failed scenarios. When the kit could not start it prints
 * only the one message that says what to fix.
 */
public final class ConformanceSummary implements ConcurrentEventListener {
  private final PrintStream out;
  private final Map<String, String> environment;
  private final ScenarioGrader grader = new ScenarioGrader();
  private final Queue<ScenarioOutcome> outcomes = new ConcurrentLinkedQueue<>();
  private volatile Instant started = Instant.now();

  /** Prints to {@code out}: standard output when the plugin is named without an argument. */
  public ConformanceSummary(OutputStream out) {
    this(out, System.getenv());
  }

  ConformanceSummary(OutputStream out, Map<String, String> environment) {
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.environment = environment;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
    grader.listen(publisher, outcomes::add);
    publisher.registerHandlerFor(TestRunFinished.class, this::print);
  }

  private void print(TestRunFinished event) {
    Throwable runError = event.getResult() == null ? null : event.getResult().getError();
    if (outcomes.isEmpty() && runError != null) {
      out.println(NotStarted.message(runError));
      out.flush();
      return;
    }
    RunOutcome run =
        new RunOutcome(
            Kit.describeTarget().orElse("(no target: the kit did not start)"),
            started,
            Duration.between(started, event.getInstant()),
            List.copyOf(outcomes));
    out.print(new SummaryReport(run).render());
    if (GitHubAnnotations.enabled(environment)) {
      GitHubAnnotations.lines(run).forEach(out::println);
    }
    out.flush();
  }
}
