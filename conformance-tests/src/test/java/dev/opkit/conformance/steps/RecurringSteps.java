package dev.opkit.conformance.steps;

import dev.opkit.client.StepListener;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.client.recurring.AmountSide;
import dev.opkit.client.recurring.InMemoryScheduleStore;
import dev.opkit.client.recurring.RecurringPayments;
import dev.opkit.client.recurring.RetryPolicy;
import dev.opkit.client.recurring.SchedulePlan;
import dev.opkit.client.recurring.ScheduleState;
import dev.opkit.client.recurring.ScheduleStatus;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.interval.RepeatingInterval;
import dev.opkit.protocol.interval.WindowCounting;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference client's recurring engine against the target: started once with the user's consent,
 * run again and again as cron would run it, across the sandbox's intervals. Each step the engine
 * reports is written to the scenario's log.
 */
public final class RecurringSteps {
  private final ScenarioContext context;
  private final Grants grants;
  private final InMemoryScheduleStore store = new InMemoryScheduleStore();
  private final List<String> engineSteps = new ArrayList<>();
  private ScheduleState state;

  public RecurringSteps(ScenarioContext context, Grants grants) {
    this.context = context;
    this.grants = grants;
  }

  private RecurringPayments engine() {
    StepListener steps = (step, detail) -> engineSteps.add(step + ": " + detail);
    return new RecurringPayments(
        context.client(),
        store,
        context.target().walletClock(),
        steps,
        context.target().waiting(),
        RetryPolicy.DEFAULT);
  }

  private InteractionHandler accepting() {
    return context
        .newConsent("the recurring schedule's outgoing payments")
        .deciding(HeadlessInteraction.Decision.ACCEPT);
  }

  private void settle(ScheduleState latest) {
    state = latest;
    if (latest.grant() != null) {
      grants.hold(AccessType.OUTGOING_PAYMENT, latest.grant().accessToken());
    }
    context.scenario().log(String.join("\n", engineSteps));
    engineSteps.clear();
  }

  @When(
      "the client starts a schedule of {amount} every {duration}, {int} times, and the user accepts it")
  public void startsASchedule(String amount, String duration, int times) {
    SchedulePlan plan =
        SchedulePlan.recurring(
            context.walletUrl(Role.SENDER),
            context.walletUrl(Role.RECEIVER),
            amount,
            AmountSide.DEBIT,
            grants.intervalFrom(duration, times));
    settle(engine().start(plan, accepting(), Map.of()));
  }

  @When("the schedule runs again in the same interval")
  public void runsAgain() {
    settle(engine().run(accepting()));
  }

  @When("the next interval begins and the schedule runs")
  public void nextIntervalAndRun() {
    RepeatingInterval interval = RepeatingInterval.parse(schedule().interval());
    IntervalWindow current =
        interval
            .windowAt(grants.now(), WindowCounting.SPEC_N)
            .orElseThrow(
                () -> new IllegalStateException("the wallet's time is outside the schedule"));
    IntervalWindow next =
        interval
            .window(current.index() + 1, WindowCounting.RAFIKI_N_PLUS_ONE)
            .orElseThrow(() -> new IllegalStateException("the schedule has no next interval"));
    context.target().sandbox().setClock(next.start().plusSeconds(1));
    settle(engine().run(accepting()));
  }

  private ScheduleState schedule() {
    if (state == null) {
      throw new IllegalStateException("no schedule was started in this scenario");
    }
    return state;
  }

  @Then("the schedule has made {int} payment(s)")
  public void hasMade(int count) {
    ScheduleState schedule = schedule();
    context
        .verdicts()
        .must(
            schedule.paidCount() == count,
            "the schedule pays each interval once, however often it runs",
            () ->
                schedule.paidCount()
                    + " payments, status "
                    + schedule.status()
                    + ": "
                    + schedule.statusDetail());
  }

  @Then("the schedule has made {int} payments and is completed")
  public void hasMadeAndCompleted(int count) {
    hasMade(count);
    ScheduleState schedule = schedule();
    context
        .verdicts()
        .must(
            schedule.status() == ScheduleStatus.COMPLETED,
            "the schedule completes when the grant's last interval is paid",
            () -> schedule.status() + ": " + schedule.statusDetail());
  }
}
