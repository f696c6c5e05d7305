package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.client.interaction.InteractionResult;
import java.util.Locale;

/**
 * One consent a scenario's grant needs (RFC 9635 §4): the finish URI to put in the grant request,
 * known before the grant is asked for, and who answers the consent page once the wallet has named
 * it: the sandbox's form submitted headlessly, a person, an operator's command, or Rafiki's
 * identity-provider API. One per grant; a scenario (or later, a sandbox session) gets its own.
 */
public interface Consent {
  /** Where the wallet sends the user back; goes into {@code interact.finish.uri}. */
  String finishUri();

  /**
   * Answers the consent page as {@code decision} says and waits for the wallet's finish redirect.
   *
   * @throws ConsentFailure when the page cannot be answered at all (not a refusal by the wallet)
   */
  InteractionResult answer(Interaction interaction, Decision decision);

  /** This consent as the reference client's handler, answering as {@code decision} says. */
  default InteractionHandler deciding(Decision decision) {
    Consent consent = this;
    return new InteractionHandler() {
      @Override
      public String finishUri() {
        return consent.finishUri();
      }

      @Override
      public InteractionResult interact(Interaction interaction) {
        return consent.answer(interaction, decision);
      }
    };
  }

  /** {@code accept} or {@code reject}, as commands and events spell it. */
  static String word(Decision decision) {
    return decision.name().toLowerCase(Locale.ROOT);
  }
}
