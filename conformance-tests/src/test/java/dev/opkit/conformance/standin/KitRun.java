package dev.opkit.conformance.standin;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.report.ConformanceReports;
import dev.opkit.conformance.report.ExitCode;
import dev.opkit.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs some of the kit's feature files through the JUnit Platform, as {@code ./kit} and {@code mvn
 * verify} do, with the given kit settings (as system properties, for the run only) and the reports
 * and events written into a directory of the test's: so a test can check what a whole run graded,
 * reported and emitted. One run at a time per JVM, since the kit's target is one per JVM.
 */
public final class KitRun {
  private KitRun() {}

  /** What a run left behind. */
  public record Result(Path reports, Path eventsFile) {
    /** The exit code the kit wrote, as {@code ./kit} would exit. */
    public int exitCode() {
      return Integer.parseInt(read(ExitCode.FILE_NAME).strip());
    }

    /** A report file's text. */
    public String read(String name) {
      try {
        return Files.readString(reports.resolve(name), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Whether a report file was written. */
    public boolean has(String name) {
      return Files.exists(reports.resolve(name));
    }

    /** The events, in order. */
    public List<JsonNode> events() {
      try {
        return Files.readAllLines(eventsFile, StandardCharsets.UTF_8).stream()
            .map(line -> Json.read(line, JsonNode.class))
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The {@code testcase} element of the scenario with this name in {@code junit.xml}. */
    public Optional<Element> testcase(String name) {
      try {
        Document xml =
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve(ConformanceReports.JUNIT).toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          Element testcase = (Element) cases.item(i);
          if (name.equals(testcase.getAttribute("name"))) {
            return Optional.of(testcase);
          }
        }
        return Optional.empty();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read junit.xml: " + e, e);
      }
    }
  }

  /**
   * Runs the feature files (paths under {@code features/}, e.g. {@code
   * grants/request-grant.feature}) with these settings.
   *
   * @param nameFilter a regular expression the scenario names must match, or null for all
   */
  public static synchronized Result run(
      Path directory, Map<String, String> settings, String nameFilter, String... features) {
    Path reports = directory.resolve("reports");
    Path events = directory.resolve("events.jsonl");
    Map<String, String> withEvents = new HashMap<>(settings);
    withEvents.putIfAbsent("opkit.events", events.toString());
    Map<String, String> previous = new HashMap<>();
    withEvents.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    try {
      LauncherDiscoveryRequestBuilder request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(
                  Arrays.stream(features)
                      .map(feature -> selectClasspathResource("features/" + feature))
                      .toList())
              .filters(EngineFilter.includeEngines("cucumber"))
              .configurationParameter(
                  "cucumber.plugin",
                  "dev.opkit.conformance.report.ConformanceReports:"
                      + reports
                      + ", dev.opkit.conformance.report.KitEventStream"
                      + ", dev.opkit.conformance.steps.ScenarioTurns");
      if (nameFilter != null) {
        request.configurationParameter("cucumber.filter.name", nameFilter);
      }
      LauncherDiscoveryRequest built = request.build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(built);
      return new Result(reports, events);
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }
}
