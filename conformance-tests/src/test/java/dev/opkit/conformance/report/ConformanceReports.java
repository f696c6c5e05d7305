package dev.opkit.conformance.report;

import dev.opkit.conformance.targets.Kit;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Cucumber plugin that writes the graded reports into a directory when the run ends ({@code
 * dev.opkit.conformance.report.ConformanceReports:target/conformance-reports}): {@code index.html}
 * (the {@link HtmlReport} a person opens), {@code junit.xml} (the {@link JUnitReport} for CI),
 * {@code summary.txt} (the {@link SummaryReport}) and {@value ExitCode#FILE_NAME} (the {@link
 * ExitCode} for {@code ./kit}). When the kit could not start, only {@code summary.txt} (the one
 * message) and the exit code are written, and reports of an earlier run are removed.
 */
public final class ConformanceReports implements ConcurrentEventListener {
  /** The report a person opens. */
  public static final String HTML = "index.html";

  /** The graded JUnit XML. */
  public static final String JUNIT = "junit.xml";

  /** The text summary. */
  public static final String SUMMARY = "summary.txt";

  private final Path directory;
  private final ScenarioGrader grader = new ScenarioGrader();
  private final Queue<ScenarioOutcome> outcomes = new ConcurrentLinkedQueue<>();
  private volatile Instant started = Instant.now();

  /** Writes into {@code directory}, which is made when missing. */
  public ConformanceReports(File directory) {
    this.directory = directory.toPath();
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
    grader.listen(publisher, outcomes::add);
    publisher.registerHandlerFor(TestRunFinished.class, this::write);
  }

  private void write(TestRunFinished event) {
    try {
      Files.createDirectories(directory);
      Throwable runError = event.getResult() == null ? null : event.getResult().getError();
      if (outcomes.isEmpty() && runError != null) {
        Files.deleteIfExists(directory.resolve(HTML));
        Files.deleteIfExists(directory.resolve(JUNIT));
        text(SUMMARY, NotStarted.message(runError) + "\n");
        text(ExitCode.FILE_NAME, ExitCode.NOT_STARTED.value() + "\n");
        return;
      }
      RunOutcome run =
          new RunOutcome(
              Kit.describeTarget().orElse("(no target: the kit did not start)"),
              started,
              Duration.between(started, event.getInstant()),
              List.copyOf(outcomes));
      text(SUMMARY, new SummaryReport(run).render());
      text(HTML, HtmlReport.render(run));
      try (Writer out = Files.newBufferedWriter(directory.resolve(JUNIT), StandardCharsets.UTF_8)) {
        JUnitReport.write(run, out);
      }
      ExitCode code = run.mustsHeld() ? ExitCode.MUSTS_HELD : ExitCode.MUST_BROKEN;
      text(ExitCode.FILE_NAME, code.value() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports into " + directory, e);
    }
  }

  private void text(String name, String content) throws IOException {
    Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }
}
