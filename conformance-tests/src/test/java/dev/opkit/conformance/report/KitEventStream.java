package dev.opkit.conformance.report;

import dev.opkit.conformance.events.EventStream;
import dev.opkit.conformance.events.KitEvents;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.conformance.grading.Finding;
import dev.opkit.conformance.targets.Kit;
import dev.opkit.conformance.targets.KitSettings;
import dev.opkit.conformance.targets.KitSetupException;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Cucumber plugin that writes the run's events file when {@code opkit.events} names one ({@code
 * ./kit --events FILE}): {@code run-started}, {@code scenario-finished} with the grade, {@code
 * run-finished} with the counts and the exit code; the kit's hooks add {@code target-opened} and
 * {@code scenario-started} (when the scenario's turn comes), the consents {@code consent-needed}
 * and {@code consent-finished} (see {@link KitEvents}). One JSON object per line; see the README
 * for the fields.
 */
public final class KitEventStream implements ConcurrentEventListener {
  private final ScenarioGrader grader = new ScenarioGrader();
  private final Map<Grade, Integer> counts = new EnumMap<>(Grade.class);

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, event -> start());
    grader.listen(publisher, this::scenarioFinished);
    publisher.registerHandlerFor(TestRunFinished.class, this::finish);
  }

  private void start() {
    Optional<Path> file = eventsFile();
    if (file.isEmpty()) {
      return;
    }
    EventStream stream = EventStream.create(file.get(), Clock.systemUTC());
    KitEvents.use(stream);
    stream.emit("run-started", event -> event.put("file", file.get().toString()));
  }

  /** The events file the settings name, if any; a settings error is the target's to report. */
  private static Optional<Path> eventsFile() {
    try {
      return KitSettings.fromEnvironment().optionalPath(KitSettings.EVENTS);
    } catch (KitSetupException e) {
      return Optional.ofNullable(System.getProperty(KitSettings.EVENTS))
          .or(
              () ->
                  Optional.ofNullable(
                      System.getenv(KitSettings.environmentName(KitSettings.EVENTS))))
          .filter(text -> !text.isBlank())
          .map(Path::of);
    }
  }

  private void scenarioFinished(ScenarioOutcome outcome) {
    synchronized (counts) {
      counts.merge(outcome.grade(), 1, Integer::sum);
    }
    KitEvents.current()
        .emit(
            "scenario-finished",
            event -> {
              EventStream.scenario(
                  event, new ScenarioRef(outcome.feature(), outcome.line(), outcome.name()));
              event.put("grade", HtmlReport.label(outcome.grade()));
              if (outcome.reason() != null) {
                event.put("reason", outcome.reason());
              }
              var divergences = event.putArray("divergences");
              if (outcome.grade() != Grade.SKIPPED) {
                for (Finding finding : outcome.divergences()) {
                  divergences
                      .addObject()
                      .put("title", finding.title())
                      .put("kind", finding.kind().name().toLowerCase(Locale.ROOT))
                      .put("observed", finding.observed());
                }
              }
              var notes = event.putArray("notes");
              for (Finding finding : outcome.notes()) {
                notes.addObject().put("title", finding.title()).put("observed", finding.observed());
              }
              event.put("seconds", outcome.duration().toMillis() / 1000.0);
            });
  }

  private void finish(TestRunFinished finished) {
    EventStream stream = KitEvents.current();
    Throwable runError = finished.getResult() == null ? null : finished.getResult().getError();
    stream.emit(
        "run-finished",
        event -> {
          event.put("target", Kit.describeTarget().orElse(null));
          synchronized (counts) {
            for (Grade grade : Grade.values()) {
              event.put(HtmlReport.label(grade), counts.getOrDefault(grade, 0));
            }
            boolean started = !counts.isEmpty() || runError == null;
            ExitCode code =
                !started
                    ? ExitCode.NOT_STARTED
                    : counts.getOrDefault(Grade.FAILED, 0) == 0
                        ? ExitCode.MUSTS_HELD
                        : ExitCode.MUST_BROKEN;
            event.put("exitCode", code.value());
            if (!started) {
              event.put("error", NotStarted.message(runError));
            }
          }
        });
    KitEvents.use(EventStream.NONE);
    stream.close();
  }
}
