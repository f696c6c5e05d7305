package dev.opkit.conformance.report;

import dev.opkit.conformance.grading.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands that annotate the feature files: a warning on each divergent
 * scenario's line (which divergence, the specification's words, what was observed) and an error on
 * each failed one. Printed when the kit runs in GitHub Actions ({@code GITHUB_ACTIONS=true}), so a
 * divergence is visible on the pull request without failing the job.
 */
public final class GitHubAnnotations {
  /** The environment variable GitHub Actions sets to {@code true}. */
  public static final String GITHUB_ACTIONS = "GITHUB_ACTIONS";

  private static final String FEATURES = "features/";

  private GitHubAnnotations() {}

  /** Whether this environment is a GitHub Actions job. */
  public static boolean enabled(Map<String, String> environment) {
    return "true".equals(environment.get(GITHUB_ACTIONS));
  }

  /** One workflow command per divergent or failed scenario. */
  public static List<String> lines(RunOutcome run) {
    List<String> lines = new ArrayList<>();
    for (ScenarioOutcome outcome : run.outcomes()) {
      if (outcome.grade() == Grade.DIVERGENT) {
        for (Finding finding : outcome.divergences()) {
          lines.add(
              command(
                  "warning",
                  outcome,
                  "Divergent: " + finding.title(),
                  outcome.name() + "\n" + finding.details()));
        }
      } else if (outcome.grade() == Grade.FAILED) {
        lines.add(command("error", outcome, "MUST broken: " + outcome.name(), outcome.reason()));
      }
    }
    return lines;
  }

  private static String command(String level, ScenarioOutcome outcome, String title, String text) {
    return "::"
        + level
        + " file="
        + property(FEATURES + outcome.feature())
        + ",line="
        + outcome.line()
        + ",title="
        + property(title)
        + "::"
        + data(text == null ? "" : text);
  }

  // The escaping GitHub's workflow commands define for a message and for a property value.
  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
