package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the person consenting is told. Consents that arrive together (scenarios run in parallel) are
 * announced in one prompt, each with the page to open and what to do there, in words that match the
 * decision: an ACCEPT is checked and accepted, a REJECT is rejected. Every prompt says how many
 * consents are waiting and how many more the run will ask for. Thread-safe.
 */
public final class ConsentDesk implements AutoCloseable {
  /** How long the desk waits for further consents before it announces the ones that arrived. */
  static final Duration GROUPING = Duration.ofMillis(600);

  private final Consumer<String> person;
  private final Supplier<OptionalInt> planned;
  private final String finishBase;
  private final Duration timeout;
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "opkit-consent-desk");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Ticket> unannounced = new ArrayList<>();
  private int numbered;
  private int waiting;
  private boolean flushScheduled;

  /**
   * @param person where to tell the person, one line each
   * @param planned how many consents the whole run needs, when known
   * @param finishBase where the wallet sends the person back, for the prompt
   * @param timeout how long the kit waits for each consent
   */
  public ConsentDesk(
      Consumer<String> person, Supplier<OptionalInt> planned, String finishBase, Duration timeout) {
    this.person = person;
    this.planned = planned;
    this.finishBase = finishBase;
    this.timeout = timeout;
  }

  /** One consent the person is asked for. */
  public static final class Ticket {
    private final ScenarioRef scenario;
    private final String asked;
    private final Decision decision;
    private final String url;
    private final int number;

    private Ticket(ScenarioRef scenario, String asked, Decision decision, String url, int number) {
      this.scenario = scenario;
      this.asked = asked;
      this.decision = decision;
      this.url = url;
      this.number = number;
    }
  }

  /** Puts a consent on the desk; it is announced with any others that arrive right after it. */
  public Ticket announce(ScenarioRef scenario, String asked, Decision decision, String url) {
    synchronized (this) {
      numbered++;
      waiting++;
      Ticket ticket = new Ticket(scenario, asked, decision, url, numbered);
      unannounced.add(ticket);
      if (!flushScheduled) {
        flushScheduled = true;
        clock.schedule(this::flush, GROUPING.toMillis(), TimeUnit.MILLISECONDS);
      }
      return ticket;
    }
  }

  /** Takes a consent off the desk, telling the person how it came back. */
  public synchronized void done(Ticket ticket, InteractionResult result) {
    boolean stillUnannounced = unannounced.remove(ticket);
    waiting--;
    if (stillUnannounced) {
      // Answered before the person was told about it: nothing for them to do.
      return;
    }
    person.accept(
        "Consent "
            + ticket.number
            + " (\""
            + ticket.scenario.name()
            + "\") came back: "
            + describe(result)
            + ". "
            + remaining());
  }

  private static String describe(InteractionResult result) {
    if (result instanceof InteractionResult.Approved) {
      return "approved";
    }
    if (result instanceof InteractionResult.Refused refused) {
      return "not approved (" + refused.describe() + ")";
    }
    return "no answer in time";
  }

  // The desk's lines are told while it is locked, so that a consent's answer is never told before
  // the prompt that asked for it.
  private synchronized void flush() {
    flushScheduled = false;
    if (unannounced.isEmpty()) {
      return;
    }
    List<Ticket> batch = List.copyOf(unannounced);
    unannounced.clear();
    person.accept(
        (batch.size() == 1
                ? "Consent " + batch.get(0).number + " needed. "
                : batch.size()
                    + " consents needed (numbers "
                    + batch.get(0).number
                    + " to "
                    + batch.get(batch.size() - 1).number
                    + "). ")
            + "Open each page, log in to the sender's wallet and do what it says:");
    for (Ticket ticket : batch) {
      person.accept("  " + ticket.number + ". " + instruction(ticket));
      person.accept("     " + ticket.url);
    }
    person.accept(
        "The wallet then sends your browser back to "
            + finishBase
            + ", where the kit listens (up to "
            + timeout.toSeconds()
            + " s for each). "
            + remaining());
  }

  private static String instruction(Ticket ticket) {
    String scenario = "for \"" + ticket.scenario.name() + "\"";
    return switch (ticket.decision) {
      case ACCEPT ->
          "ACCEPT "
              + scenario
              + ": check that the grant asks for "
              + ticket.asked
              + ", then accept it.";
      case REJECT ->
          "REJECT "
              + scenario
              + ": refuse the grant with the wallet's reject button; the scenario checks that"
              + " the refusal comes back.";
    };
  }

  private String remaining() {
    OptionalInt total = planned.get();
    String text = waiting == 1 ? "1 consent waiting" : waiting + " consents waiting";
    if (total.isPresent()) {
      int toCome = Math.max(0, total.getAsInt() - numbered);
      text += "; " + (toCome == 1 ? "1 more" : toCome + " more") + " to come in this run";
    }
    return text + ".";
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
