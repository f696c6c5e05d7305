package dev.opkit.conformance.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The scenarios the run is about to execute, with their tags, taken from JUnit's test plan before
 * the first one starts (registered through {@code META-INF/services}), so the consent prompts can
 * say how many consents the run will still ask for: one per scenario tagged {@code @consent} that
 * the target can run.
 */
public final class ConsentPlan implements TestExecutionListener {
  /** The tag of scenarios that ask for the user's consent once. */
  public static final String CONSENT_TAG = "@consent";

  private static volatile List<Set<String>> scenarioTags = List.of();

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    List<Set<String>> tags = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, tags);
    }
    scenarioTags = List.copyOf(tags);
  }

  private static void collect(TestPlan plan, TestIdentifier node, List<Set<String>> tags) {
    if (node.isTest()) {
      tags.add(
          node.getTags().stream()
              .map(TestTag::getName)
              .map(t -> "@" + t)
              .collect(Collectors.toSet()));
    }
    for (TestIdentifier child : plan.getChildren(node)) {
      collect(plan, child, tags);
    }
  }

  /** How many planned scenarios ask for consent, among those {@code runnable} lets run. */
  public static int consents(Predicate<Set<String>> runnable) {
    return (int)
        scenarioTags.stream().filter(t -> t.contains(CONSENT_TAG)).filter(runnable).count();
  }
}
