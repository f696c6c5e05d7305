package dev.opkit.conformance.report;

import dev.opkit.conformance.grading.Finding;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML ({@code junit.xml}) for CI: one {@code testsuite} per feature file, one
 * {@code testcase} per scenario with {@code file} and {@code line}. A failed scenario has a {@code
 * failure} (the rule broken, the last exchanges), a skipped one a {@code skipped} with its reason.
 * A divergent scenario is not a failure, so it passes, but its grade and each divergence's name are
 * {@code properties} ({@code opkit.grade}, {@code opkit.divergence}) and the divergences in full
 * (specification, who does it otherwise, observed) are its {@code system-out}, where CI test
 * reports show them. Every scenario carries {@code opkit.grade}.
 */
public final class JUnitReport {
  /** Property naming a scenario's grade: passed, failed, divergent or skipped. */
  public static final String GRADE_PROPERTY = "opkit.grade";

  /** Property naming one divergence or unmet SHOULD of a scenario (one property each). */
  public static final String DIVERGENCE_PROPERTY = "opkit.divergence";

  /** Property naming one note on an allowed answer (one property each). */
  public static final String NOTE_PROPERTY = "opkit.note";

  private static final String FEATURES = "features/";

  private JUnitReport() {}

  /** Writes the run's XML document. */
  public static void write(RunOutcome run, Writer out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "Open Payments conformance");
      counts(xml, run.outcomes(), run.elapsed());
      xml.writeCharacters("\n");
      for (String feature : run.countsByFeature().keySet()) {
        suite(xml, run, feature);
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static void counts(XMLStreamWriter xml, List<ScenarioOutcome> outcomes, Duration time)
      throws XMLStreamException {
    xml.writeAttribute("tests", String.valueOf(outcomes.size()));
    xml.writeAttribute("failures", String.valueOf(count(outcomes, Grade.FAILED)));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", String.valueOf(count(outcomes, Grade.SKIPPED)));
    xml.writeAttribute("time", seconds(time));
  }

  private static long count(List<ScenarioOutcome> outcomes, Grade grade) {
    return outcomes.stream().filter(o -> o.grade() == grade).count();
  }

  private static void suite(XMLStreamWriter xml, RunOutcome run, String feature)
      throws XMLStreamException {
    List<ScenarioOutcome> outcomes = run.ofFeature(feature);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", feature);
    counts(
        xml,
        outcomes,
        outcomes.stream().map(ScenarioOutcome::duration).reduce(Duration.ZERO, Duration::plus));
    xml.writeAttribute(
        "timestamp",
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            run.started().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
    xml.writeCharacters("\n  ");
    xml.writeStartElement("properties");
    property(xml, "opkit.target", run.target());
    property(xml, "opkit.divergent", String.valueOf(count(outcomes, Grade.DIVERGENT)));
    xml.writeEndElement();
    for (ScenarioOutcome outcome : outcomes) {
      xml.writeCharacters("\n  ");
      testcase(xml, outcome);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void testcase(XMLStreamWriter xml, ScenarioOutcome outcome)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", outcome.feature());
    xml.writeAttribute("name", xmlText(outcome.name()));
    xml.writeAttribute("file", FEATURES + outcome.feature());
    xml.writeAttribute("line", String.valueOf(outcome.line()));
    xml.writeAttribute("time", seconds(outcome.duration()));
    xml.writeStartElement("properties");
    property(xml, GRADE_PROPERTY, HtmlReport.label(outcome.grade()));
    if (outcome.grade() != Grade.SKIPPED) {
      for (Finding finding : outcome.divergences()) {
        property(xml, DIVERGENCE_PROPERTY, finding.title());
      }
    }
    for (Finding finding : outcome.notes()) {
      property(xml, NOTE_PROPERTY, finding.title() + ": " + finding.observed());
    }
    xml.writeEndElement();
    switch (outcome.grade()) {
      case FAILED -> {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", xmlText(firstLine(outcome.reason())));
        xml.writeAttribute("type", "MUST broken");
        xml.writeCharacters(
            xmlText(
                outcome.reason()
                    + (outcome.exchanges() == null
                        ? ""
                        : "\n\nlast requests and responses:\n" + outcome.exchanges())));
        xml.writeEndElement();
      }
      case SKIPPED -> {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", xmlText(outcome.reason() == null ? "" : outcome.reason()));
      }
      default -> {
        // Passed and divergent scenarios pass; the properties above carry the grade.
      }
    }
    String out = systemOut(outcome);
    if (!out.isEmpty()) {
      xml.writeStartElement("system-out");
      xml.writeCharacters(xmlText(out));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** The divergences and notes as text: what a CI test report shows beside the test case. */
  static String systemOut(ScenarioOutcome outcome) {
    StringBuilder text = new StringBuilder();
    if (outcome.grade() == Grade.DIVERGENT) {
      text.append("DIVERGENT (every MUST held; not a failure)\n");
    }
    if (outcome.grade() != Grade.SKIPPED) {
      for (Finding finding : outcome.divergences()) {
        text.append("- ").append(finding.title()).append('\n');
        for (String line : finding.details().split("\n")) {
          text.append("  ").append(line).append('\n');
        }
      }
    }
    for (Finding finding : outcome.notes()) {
      text.append("note: ")
          .append(finding.title())
          .append(": ")
          .append(finding.observed())
          .append('\n');
    }
    return text.toString();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", xmlText(value));
  }

  /** The text without the control characters XML 1.0 cannot carry (a wallet's answer may). */
  private static String xmlText(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
  }
}
