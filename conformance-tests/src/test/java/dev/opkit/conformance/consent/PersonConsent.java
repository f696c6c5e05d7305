package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.BrowserOpener;
import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import java.net.URI;
import java.time.Duration;

/**
 * Consent from the person running the kit against real wallets: the {@link ConsentDesk} tells them
 * which page to open and what to do there, the page opens in their browser when it can, and the kit
 * waits on its {@link FinishListener} for the wallet to send them back.
 */
public final class PersonConsent implements Consent {
  private final FinishListener.Expected finish;
  private final ConsentDesk desk;
  private final BrowserOpener browser;
  private final ScenarioRef scenario;
  private final String asked;
  private final Duration timeout;

  /**
   * @param asked what the grant asks for, in words, e.g. {@code outgoing payments of up to 10.00
   *     USD every P1D}
   */
  public PersonConsent(
      FinishListener.Expected finish,
      ConsentDesk desk,
      BrowserOpener browser,
      ScenarioRef scenario,
      String asked,
      Duration timeout) {
    this.finish = finish;
    this.desk = desk;
    this.browser = browser;
    this.scenario = scenario;
    this.asked = asked;
    this.timeout = timeout;
  }

  @Override
  public String finishUri() {
    return finish.uri();
  }

  @Override
  public InteractionResult answer(Interaction interaction, Decision decision) {
    ConsentDesk.Ticket ticket = desk.announce(scenario, asked, decision, interaction.redirect());
    InteractionResult result = new InteractionResult.TimedOut(0);
    try {
      browser.open(URI.create(interaction.redirect()));
      result = finish.await(timeout);
      return result;
    } finally {
      desk.done(ticket, result);
    }
  }
}
