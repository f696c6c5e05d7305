package dev.opkit.conformance.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.opkit.conformance.grading.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report a person opens ({@code index.html}): the verdict, the counts, and every scenario with
 * its grade; a divergent one with each divergence's name, the specification's words, who does it
 * otherwise and what was observed; a failed one with the rule broken and the last exchanges; a
 * skipped one with its reason. Rendered from {@code report/index.mustache}, every value escaped.
 */
public final class HtmlReport {
  private static final String TEMPLATE = "/report/index.mustache";

  private static final Template PAGE = compile();

  private HtmlReport() {}

  private static Template compile() {
    InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE);
    if (in == null) {
      throw new IllegalStateException("template " + TEMPLATE + " is missing");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Mustache.compiler()
          .escapeHTML(true)
          .emptyStringIsFalse(true)
          .defaultValue("")
          .compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATE, e);
    }
  }

  /** The page for a run. */
  public static String render(RunOutcome run) {
    return PAGE.execute(model(run));
  }

  private static Map<String, Object> model(RunOutcome run) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("target", run.target());
    model.put(
        "started",
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                run.started().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))
            + " UTC");
    model.put("scenarioCount", run.outcomes().size());
    model.put("seconds", String.format(Locale.ROOT, "%.1f", run.elapsed().toMillis() / 1000.0));
    model.put("mustsHeld", run.mustsHeld());
    model.put("verdict", run.verdict());
    model.put(
        "verdictShort",
        run.mustsHeld()
            ? "no MUST broken"
            : run.count(Grade.FAILED) + " failed, " + run.count(Grade.DIVERGENT) + " divergent");
    for (Grade grade : Grade.values()) {
      model.put(label(grade), run.count(grade));
    }
    List<Map<String, Object>> features = new ArrayList<>();
    run.countsByFeature()
        .forEach(
            (feature, counts) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("feature", feature);
              row.put("anchor", anchor("f-" + feature));
              counts.forEach((grade, count) -> row.put(label(grade), count));
              row.put(
                  "scenarios", run.ofFeature(feature).stream().map(HtmlReport::scenario).toList());
              features.add(row);
            });
    model.put("features", features);
    return model;
  }

  private static Map<String, Object> scenario(ScenarioOutcome outcome) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("anchor", anchor("s-" + outcome.location()));
    model.put("name", outcome.name());
    model.put("location", outcome.location());
    model.put("grade", label(outcome.grade()));
    model.put("failed", outcome.grade() == Grade.FAILED);
    model.put("skipped", outcome.grade() == Grade.SKIPPED);
    model.put("reason", outcome.reason() == null ? "" : outcome.reason());
    model.put("exchanges", outcome.exchanges() == null ? "" : outcome.exchanges());
    model.put(
        "divergences",
        outcome.grade() == Grade.SKIPPED
            ? List.of()
            : outcome.divergences().stream().map(HtmlReport::finding).toList());
    model.put("notes", outcome.notes().stream().map(HtmlReport::finding).toList());
    return model;
  }

  private static Map<String, Object> finding(Finding finding) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", finding.title());
    model.put(
        "specificationLabel", finding.kind() == Finding.Kind.SHOULD ? "SHOULD" : "specification");
    model.put("specification", finding.specification() == null ? "" : finding.specification());
    model.put(
        "implementations", finding.implementations() == null ? "" : finding.implementations());
    model.put("observed", finding.observed());
    return model;
  }

  /** The grade's name as the reports write it: {@code passed}, {@code divergent}, … */
  static String label(Grade grade) {
    return grade.name().toLowerCase(Locale.ROOT);
  }

  private static String anchor(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
