package dev.opkit.conformance.targets;

import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.client.interaction.InteractionResult;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Consent from the person running the kit against real wallets: says which scenario asks and
 * whether to accept or reject, then waits for the wallet to send the person back (RFC 9635 §4).
 */
final class PersonConsent implements InteractionHandler {
  private final InteractionHandler browser;
  private final HeadlessInteraction.Decision decision;
  private final String scenario;
  private final Consumer<String> person;

  PersonConsent(
      InteractionHandler browser,
      HeadlessInteraction.Decision decision,
      String scenario,
      Consumer<String> person) {
    this.browser = browser;
    this.decision = decision;
    this.scenario = scenario;
    this.person = person;
  }

  @Override
  public String finishUri() {
    return browser.finishUri();
  }

  @Override
  public InteractionResult interact(Interaction interaction) {
    person.accept(
        "Consent needed for the scenario \""
            + scenario
            + "\": log in to the sender's wallet and "
            + decision.name().toUpperCase(Locale.ROOT)
            + " the grant.");
    return browser.interact(interaction);
  }
}
