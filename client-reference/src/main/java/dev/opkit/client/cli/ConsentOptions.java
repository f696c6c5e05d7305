package dev.opkit.client.cli;

import dev.opkit.client.interaction.BrowserOpener;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.client.interaction.LocalCallbackInteraction;
import java.io.UncheckedIOException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to get the user's consent for an outgoing-payment grant. */
final class ConsentOptions {
  /** The ways to get consent. */
  enum Mode {
    /** Print the consent URL, open a browser if possible, wait on the finish URI. */
    BROWSER,
    /** Submit the sandbox's consent form without a browser (sandbox only). */
    HEADLESS
  }

  @Option(
      names = "--consent",
      paramLabel = "MODE",
      defaultValue = "browser",
      description =
          "How the user consents: browser (default) or headless; headless accepts the"
              + " sandbox's consent form without a browser.")
  Mode mode;

  @Option(
      names = "--finish-uri",
      paramLabel = "URI",
      defaultValue = LocalCallbackInteraction.DEFAULT_FINISH_URI,
      description =
          "Where the wallet sends the user back after consent (default: ${DEFAULT-VALUE}).")
  String finishUri;

  @Option(
      names = "--consent-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT5M",
      converter = DurationConverter.class,
      description = "How long to wait for the user, ISO 8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--reject",
      description = "With --consent headless: reject instead of accept (to try the refusal path).")
  boolean reject;

  InteractionHandler handler(Console console) {
    try {
      return switch (mode) {
        case HEADLESS ->
            new HeadlessInteraction(
                finishUri,
                reject ? HeadlessInteraction.Decision.REJECT : HeadlessInteraction.Decision.ACCEPT,
                timeout);
        case BROWSER ->
            new LocalCallbackInteraction(finishUri, timeout, console::note, BrowserOpener.desktop())
                .requireListenable();
      };
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--finish-uri: " + e.getMessage(), e);
    }
  }
}
