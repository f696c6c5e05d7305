package dev.opkit.conformance.events;

import java.net.URI;

/**
 * Which scenario: its feature file (relative to {@code features/}), its line there (an example's
 * line for a scenario outline) and its name. Reports, events and consent prompts name scenarios so.
 */
public record ScenarioRef(String feature, int line, String name) {
  private static final String FEATURES_ROOT = "features/";

  /** From what Cucumber knows of a scenario: its feature's URI, its line, its name. */
  public static ScenarioRef of(URI featureUri, int line, String name) {
    return new ScenarioRef(featurePath(featureUri), line, name);
  }

  /** The feature file's path under {@code features/}, e.g. {@code grants/request-grant.feature}. */
  public static String featurePath(URI uri) {
    String text = uri.toString();
    int root = text.lastIndexOf(FEATURES_ROOT);
    return root < 0 ? text : text.substring(root + FEATURES_ROOT.length());
  }

  /** {@code grants/request-grant.feature:12}: unique within a run. */
  public String id() {
    return feature + ":" + line;
  }
}
