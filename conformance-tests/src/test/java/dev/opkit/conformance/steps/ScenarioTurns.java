package dev.opkit.conformance.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Whose turn it is to run: scenarios run side by side, except one that must run alone on the target
 * (see {@code Target.mustRunAlone}), which waits until the others are done and holds off new ones
 * until it is. A fair semaphore: a scenario takes one permit, one that runs alone takes all of
 * them, so it is not starved by those that start after it. {@link Hooks} takes the turn before the
 * scenario's steps; this plugin (named in {@code cucumber.plugin} after the report plugins) gives
 * it back once the scenario's {@code TestCaseFinished} has been reported, so the events file never
 * shows a scenario starting while one that runs alone is still unreported. Without the plugin, the
 * turn is given back after the scenario's last hook.
 */
public final class ScenarioTurns implements ConcurrentEventListener {
  private static final int ALL = 1 << 20;
  private static final Semaphore TURNS = new Semaphore(ALL, true);
  private static final Map<String, Integer> HELD = new ConcurrentHashMap<>();
  private static volatile boolean installed;

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    installed = true;
    publisher.registerHandlerFor(
        TestCaseFinished.class, event -> giveBack(event.getTestCase().getId().toString()));
  }

  /** Waits for the scenario's turn: alone, or beside the others. */
  static void take(String scenarioId, boolean alone) {
    int permits = alone ? ALL : 1;
    TURNS.acquireUninterruptibly(permits);
    HELD.put(scenarioId, permits);
  }

  /** Gives the turn back after the scenario's last hook, unless this plugin will do it. */
  static void scenarioDone(String scenarioId) {
    if (!installed) {
      giveBack(scenarioId);
    }
  }

  private static void giveBack(String scenarioId) {
    Integer permits = HELD.remove(scenarioId);
    if (permits != null) {
      TURNS.release(permits);
    }
  }
}
