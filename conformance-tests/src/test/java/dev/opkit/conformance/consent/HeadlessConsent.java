package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import java.time.Duration;

/**
 * Consent on this project's sandbox: its consent page's form submitted headlessly with the
 * scenario's decision, the finish redirect read from the answer (nothing listens on the finish
 * URI).
 */
public final class HeadlessConsent implements Consent {
  private final String finishUri;
  private final Duration timeout;

  public HeadlessConsent(String finishUri, Duration timeout) {
    this.finishUri = finishUri;
    this.timeout = timeout;
  }

  @Override
  public String finishUri() {
    return finishUri;
  }

  @Override
  public InteractionResult answer(Interaction interaction, Decision decision) {
    return new HeadlessInteraction(finishUri, decision, timeout).interact(interaction);
  }
}
