package dev.opkit.conformance.steps;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.conformance.events.EventStream;
import dev.opkit.conformance.events.KitEvents;
import dev.opkit.conformance.exchange.ExchangeText;
import dev.opkit.conformance.grading.Findings;
import dev.opkit.conformance.targets.Kit;
import dev.opkit.conformance.targets.Power;
import dev.opkit.conformance.targets.Target;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * The run's and each scenario's frame: opens the target before the first scenario and closes it
 * after the last; skips a scenario that needs a sandbox power the target lacks, naming the power;
 * lets a scenario that shares state with the others on this target run alone (the others run in
 * parallel); and attaches a failed scenario's last requests and responses for the report.
 */
public final class Hooks {
  /** How many exchanges a failure report shows. */
  private static final int EXCHANGES_IN_REPORT = 3;

  private final ScenarioContext context;

  public Hooks(ScenarioContext context) {
    this.context = context;
  }

  /** Opens the target; a wrong setting ends the run here, with one message saying what to fix. */
  @BeforeAll
  public static void openTarget() {
    Target target = Kit.open();
    KitEvents.current()
        .emit(
            "target-opened",
            event -> {
              event.put("kind", target.kind().settingValue());
              event.put("description", target.describe());
            });
  }

  /** Stops what the kit started. */
  @AfterAll
  public static void closeTarget() {
    Kit.close();
  }

  /** Starts the scenario's context, or skips a scenario the target cannot run. */
  @Before(order = 0)
  public void begin(Scenario scenario) {
    context.begin(scenario);
    Set<String> tags = new HashSet<>(scenario.getSourceTagNames());
    Target target = context.target();
    Set<Power> missing = EnumSet.noneOf(Power.class);
    missing.addAll(Power.neededBy(tags));
    missing.removeAll(target.powers());
    if (!missing.isEmpty()) {
      String reason = Power.skipReason(missing, target.kind());
      scenario.attach(reason, Findings.SKIP_MEDIA_TYPE, "skipped");
      throw new TestAbortedException(reason);
    }
    boolean alone = target.mustRunAlone(tags);
    ScenarioTurns.take(scenario.getId(), alone);
    KitEvents.current()
        .emit(
            "scenario-started",
            event -> {
              EventStream.scenario(event, context.ref());
              event.put("alone", alone);
            });
  }

  /** Attaches the last exchanges of a failed scenario, and lets the next scenario run. */
  @After
  public void end(Scenario scenario) {
    try {
      if (scenario.isFailed()) {
        List<Exchange> all = context.exchanges().all();
        List<Exchange> last =
            all.subList(Math.max(0, all.size() - EXCHANGES_IN_REPORT), all.size());
        if (!last.isEmpty()) {
          scenario.attach(
              ExchangeText.format(last),
              Findings.EXCHANGES_MEDIA_TYPE,
              "last requests and responses");
        }
      }
    } finally {
      try {
        context.end();
      } finally {
        ScenarioTurns.scenarioDone(scenario.getId());
      }
    }
  }
}
