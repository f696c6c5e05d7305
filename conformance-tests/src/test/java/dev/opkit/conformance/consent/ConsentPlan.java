package dev.opkit.conformance.consent;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
 * the tag filter selects and the target can run. Cucumber's engine keeps the scenarios its filters
 * leave out in the plan (it skips them when they come), so the tag filter is applied here too; with
 * a name filter the count is not known.
 */
public final class ConsentPlan implements TestExecutionListener {
  /** The tag of scenarios that ask for the user's consent once. */
  public static final String CONSENT_TAG = "@consent";

  static final String TAG_FILTER = "cucumber.filter.tags";
  static final String NAME_FILTER = "cucumber.filter.name";

  private static volatile Optional<List<Set<String>>> planned = Optional.empty();

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    if (plan.getConfigurationParameters().get(NAME_FILTER).isPresent()) {
      planned = Optional.empty();
      return;
    }
    Expression filter =
        plan.getConfigurationParameters()
            .get(TAG_FILTER)
            .filter(text -> !text.isBlank())
            .map(TagExpressionParser::parse)
            .orElse(tags -> true);
    List<Set<String>> tags = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, tags);
    }
    planned = Optional.of(tags.stream().filter(t -> filter.evaluate(List.copyOf(t))).toList());
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

  /**
   * How many planned scenarios ask for consent, among those {@code runnable} lets run; empty when
   * not known (no plan, or a name filter).
   */
  public static OptionalInt consents(Predicate<Set<String>> runnable) {
    return planned
        .map(
            all ->
                OptionalInt.of(
                    (int)
                        all.stream().filter(t -> t.contains(CONSENT_TAG)).filter(runnable).count()))
        .orElse(OptionalInt.empty());
  }
}
