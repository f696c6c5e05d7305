package dev.opkit.conformance.report;

import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.conformance.grading.Finding;
import dev.opkit.conformance.grading.Findings;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.Json;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Grades each scenario as it finishes (PROTOCOL.md §10): passed, failed (a MUST broken or a step
 * that could not run), divergent (passed with a divergence or an unmet SHOULD) or skipped, from
 * Cucumber's result and the scenario's attachments (see {@link Findings}). Each report plugin has
 * its own; thread-safe, since scenarios run in parallel.
 */
final class ScenarioGrader {
  private final Map<UUID, List<Finding>> findings = new ConcurrentHashMap<>();
  private final Map<UUID, String> exchanges = new ConcurrentHashMap<>();

  /**
   * Listens to the run's attachments and hands each finished scenario's outcome to {@code sink}.
   */
  void listen(EventPublisher publisher, Consumer<ScenarioOutcome> sink) {
    publisher.registerHandlerFor(EmbedEvent.class, this::attached);
    publisher.registerHandlerFor(TestCaseFinished.class, event -> sink.accept(finished(event)));
  }

  private void attached(EmbedEvent event) {
    UUID id = event.getTestCase().getId();
    String text = new String(event.getData(), StandardCharsets.UTF_8);
    if (Findings.FINDING_MEDIA_TYPE.equals(event.getMediaType())) {
      findings.computeIfAbsent(id, k -> new ArrayList<>()).add(finding(event.getName(), text));
    } else if (Findings.EXCHANGES_MEDIA_TYPE.equals(event.getMediaType())) {
      exchanges.put(id, text);
    }
  }

  private static Finding finding(String name, String json) {
    try {
      return Json.read(json, Finding.class);
    } catch (ProtocolException e) {
      return new Finding(Finding.Kind.DIVERGENCE, name, null, null, json);
    }
  }

  private ScenarioOutcome finished(TestCaseFinished event) {
    TestCase testCase = event.getTestCase();
    Result result = event.getResult();
    List<Finding> found = findings.getOrDefault(testCase.getId(), List.of());
    Grade grade = grade(result.getStatus(), found.stream().anyMatch(Finding::divergent));
    String reason =
        switch (grade) {
          case FAILED, SKIPPED -> reason(result);
          default -> null;
        };
    ScenarioOutcome outcome =
        new ScenarioOutcome(
            ScenarioRef.featurePath(testCase.getUri()),
            testCase.getLocation().getLine(),
            testCase.getName(),
            grade,
            reason,
            found,
            grade == Grade.FAILED ? exchanges.get(testCase.getId()) : null,
            result.getDuration());
    findings.remove(testCase.getId());
    exchanges.remove(testCase.getId());
    return outcome;
  }

  static Grade grade(Status status, boolean divergent) {
    return switch (status) {
      case PASSED -> divergent ? Grade.DIVERGENT : Grade.PASSED;
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
}
