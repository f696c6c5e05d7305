package dev.opkit.conformance.steps;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.conformance.exchange.ExchangeText;
import dev.opkit.conformance.grading.Findings;
import dev.opkit.conformance.targets.Kit;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.opentest4j.TestAbortedException;

/**
 * The run's and each scenario's frame: opens the target before the first scenario and closes it
 * after the last; skips {@code @sandbox} scenarios on targets without sandbox powers, saying why;
 * runs scenarios one at a time where the target needs it; and attaches a failed scenario's last
 * requests and responses for the report.
 */
public final class Hooks {
  /** Tag of scenarios that need the sandbox's admin API or clock. */
  public static final String SANDBOX_TAG = "@sandbox";

  /** How many exchanges a failure report shows. */
  private static final int EXCHANGES_IN_REPORT = 3;

  private static final ReentrantLock ALONE = new ReentrantLock();

  private final ScenarioContext context;

  public Hooks(ScenarioContext context) {
    this.context = context;
  }

  /** Opens the target; a wrong setting ends the run here, with one message saying what to fix. */
  @BeforeAll
  public static void openTarget() {
    Kit.open();
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
    if (scenario.getSourceTagNames().contains(SANDBOX_TAG)
        && !context.target().hasSandboxPowers()) {
      String reason =
          "needs sandbox powers (admin API, clock, wallets made to order), which "
              + context.target().kind().settingValue()
              + " targets do not have";
      scenario.attach(reason, Findings.SKIP_MEDIA_TYPE, "skipped");
      throw new TestAbortedException(reason);
    }
    if (context.target().runsScenariosAlone()) {
      ALONE.lock();
    }
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
      if (ALONE.isHeldByCurrentThread()) {
        ALONE.unlock();
      }
    }
  }
}
