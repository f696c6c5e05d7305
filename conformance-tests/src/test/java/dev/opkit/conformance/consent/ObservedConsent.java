package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.EventStream;
import dev.opkit.conformance.events.KitEvents;
import dev.opkit.conformance.events.ScenarioRef;

/**
 * A consent that reports itself in the run's events: {@code consent-needed} with the consent URL,
 * the decision and the finish URI before the page is answered (so a CI tool following the events
 * file can answer it), and {@code consent-finished} with how it came back.
 */
public final class ObservedConsent implements Consent {
  private final Consent consent;
  private final ScenarioRef scenario;

  public ObservedConsent(Consent consent, ScenarioRef scenario) {
    this.consent = consent;
    this.scenario = scenario;
  }

  @Override
  public String finishUri() {
    return consent.finishUri();
  }

  @Override
  public InteractionResult answer(Interaction interaction, Decision decision) {
    EventStream events = KitEvents.current();
    events.emit(
        "consent-needed",
        event -> {
          EventStream.scenario(event, scenario);
          event.put("url", interaction.redirect());
          event.put("decision", Consent.word(decision));
          event.put("finishUri", consent.finishUri());
        });
    String outcome = "failed";
    try {
      InteractionResult result = consent.answer(interaction, decision);
      outcome = outcome(result);
      return result;
    } finally {
      String finalOutcome = outcome;
      events.emit(
          "consent-finished",
          event -> {
            EventStream.scenario(event, scenario);
            event.put("decision", Consent.word(decision));
            event.put("outcome", finalOutcome);
          });
    }
  }

  private static String outcome(InteractionResult result) {
    if (result instanceof InteractionResult.Approved) {
      return "approved";
    }
    if (result instanceof InteractionResult.Refused refused) {
      return refused.rejectedByUser() ? "rejected" : "refused";
    }
    return "timed-out";
  }
}
