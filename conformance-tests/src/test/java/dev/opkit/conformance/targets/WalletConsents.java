package dev.opkit.conformance.targets;

import dev.opkit.client.interaction.BrowserOpener;
import dev.opkit.client.interaction.LocalCallbackInteraction;
import dev.opkit.conformance.consent.CommandConsent;
import dev.opkit.conformance.consent.Consent;
import dev.opkit.conformance.consent.ConsentDesk;
import dev.opkit.conformance.consent.ConsentPlan;
import dev.opkit.conformance.consent.FinishListener;
import dev.opkit.conformance.consent.PersonConsent;
import dev.opkit.conformance.consent.RafikiIdpConsent;
import dev.opkit.conformance.events.ScenarioRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who answers the consent pages of real wallets, as the settings choose: Rafiki's identity-provider
 * API ({@code opkit.consent.rafiki-idp-url} and its secret), the operator's command ({@code
 * opkit.consent.command}), or else the person at the keyboard, in the browser. The settings are
 * read and checked in {@link #read} before anything is started; {@link Settings#start} then opens
 * the finish URI's listener (for the command and the person) and gives each scenario's grant a
 * {@link Consent} of its own.
 */
final class WalletConsents implements AutoCloseable {
  /** Where the wallet sends the person back by default, as in the guide. */
  static final String DEFAULT_FINISH_URI = LocalCallbackInteraction.DEFAULT_FINISH_URI;

  /** How long each consent may take by default. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Settings settings;
  private final FinishListener listener;
  private final ConsentDesk desk;
  private final BrowserOpener browser;
  private boolean closed;

  private WalletConsents(Settings settings, FinishListener listener, ConsentDesk desk) {
    this.settings = settings;
    this.listener = listener;
    this.desk = desk;
    this.browser = settings.openBrowser() ? BrowserOpener.desktop() : BrowserOpener.NONE;
  }

  /**
   * The consent settings, checked: at most one automated way, a secret with the identity-provider
   * URL, an http(s) URL.
   *
   * @throws KitSetupException naming the setting that is wrong
   */
  static Settings read(KitSettings settings) {
    Optional<String> command = settings.optional(KitSettings.CONSENT_COMMAND);
    Optional<String> idpUrl = settings.optional(KitSettings.RAFIKI_IDP_URL);
    if (command.isPresent() && idpUrl.isPresent()) {
      throw new KitSetupException(
          "both "
              + settings.describe(KitSettings.CONSENT_COMMAND)
              + " and "
              + settings.describe(KitSettings.RAFIKI_IDP_URL)
              + " are set; choose one way to consent");
    }
    String secret = null;
    if (idpUrl.isPresent()) {
      secret =
          settings.required(
              KitSettings.RAFIKI_IDP_SECRET,
              "the secret the wallet's Rafiki auth service shares with its identity provider (its"
                  + " IDENTITY_SERVER_SECRET, or the tenant's idpSecret)");
      requireHttpUrl(idpUrl.get(), settings.describe(KitSettings.RAFIKI_IDP_URL));
    }
    String finishUri = settings.optional(KitSettings.FINISH_URI).orElse(DEFAULT_FINISH_URI);
    LocalCallbackInteraction.problem(finishUri)
        .ifPresent(
            problem -> {
              throw new KitSetupException(
                  problem + ". Check " + settings.describe(KitSettings.FINISH_URI));
            });
    return new Settings(
        finishUri,
        settings.describe(KitSettings.FINISH_URI),
        settings.duration(KitSettings.CONSENT_TIMEOUT, DEFAULT_TIMEOUT),
        settings.flag(KitSettings.OPEN_BROWSER, true),
        command.orElse(null),
        settings.directoryOf(KitSettings.CONSENT_COMMAND),
        idpUrl.orElse(null),
        settings.describe(KitSettings.RAFIKI_IDP_URL),
        secret);
  }

  private static void requireHttpUrl(String text, String setting) {
    URI url;
    try {
      url = URI.create(text);
    } catch (IllegalArgumentException e) {
      url = null;
    }
    if (url == null
        || url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme())
            || "https".equalsIgnoreCase(url.getScheme()))) {
      throw new KitSetupException(
          setting
              + " must be the http(s) base URL of Rafiki's identity-provider API (the auth"
              + " service's interaction port, e.g. http://localhost:3009); got '"
              + text
              + "'");
    }
  }

  /**
   * The consent settings.
   *
   * @param finishUri where the wallet sends the user back
   * @param command the operator's consent command, or null
   * @param commandDirectory where the command runs: the config file's directory when it is set
   *     there, so that {@code ./consent.sh} next to the file is found
   * @param idpUrl the base URL of Rafiki's identity-provider API, or null
   * @param idpSecret its shared secret, with {@code idpUrl}; never printed
   */
  record Settings(
      String finishUri,
      String finishUriSetting,
      Duration timeout,
      boolean openBrowser,
      String command,
      Path commandDirectory,
      String idpUrl,
      String idpUrlSetting,
      String idpSecret) {

    @Override
    public String toString() {
      return "consent settings (finish URI " + finishUri + ", " + method() + ")";
    }

    String method() {
      if (idpUrl != null) {
        return "Rafiki's identity-provider API at " + idpUrl;
      }
      return command != null ? "the consent command" : "you, in the browser";
    }

    /**
     * Starts what consents need: a check that the identity-provider API answers, or the listener on
     * the finish URI and, for a person, the desk that tells them what to do.
     *
     * @param person where to tell the person what to do
     * @throws KitSetupException when the identity provider does not answer or the finish URI cannot
     *     be listened on
     */
    WalletConsents start(Consumer<String> person) {
      if (idpUrl != null) {
        requireAnswers(idpUrl, idpUrlSetting);
        return new WalletConsents(this, null, null);
      }
      FinishListener listener;
      try {
        listener = FinishListener.open(finishUri);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new KitSetupException(e.getMessage() + ". Check " + finishUriSetting);
      }
      ConsentDesk desk =
          command != null
              ? null
              : new ConsentDesk(
                  person,
                  () -> ConsentPlan.consents(tags -> Power.neededBy(tags).isEmpty()),
                  finishUri,
                  timeout);
      return new WalletConsents(this, listener, desk);
    }
  }

  /** Any HTTP answer will do: it shows that something listens at the identity-provider URL. */
  private static void requireAnswers(String url, String setting) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI probe = URI.create(url.endsWith("/") ? url : url + "/").resolve("grant/opkit/probe");
    try {
      http.send(
          HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new KitSetupException(
          "no answer from Rafiki's identity-provider API at "
              + url
              + " ("
              + setting
              + "): "
              + e
              + ". It is the Rafiki auth service's interaction port (INTERACTION_PORT, 3009 by"
              + " default), reachable from this machine");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KitSetupException("interrupted while checking " + url);
    }
  }

  /** How consents are given, for the target's description. */
  String method() {
    return settings.method();
  }

  /** The consent for one interactive grant of a scenario. */
  Consent newConsent(ScenarioRef scenario, String asked) {
    if (settings.idpUrl() != null) {
      return new RafikiIdpConsent(
          settings.idpUrl(), settings.idpSecret(), settings.finishUri(), settings.timeout());
    }
    if (settings.command() != null) {
      return new CommandConsent(
          settings.command(),
          settings.commandDirectory(),
          listener.expect(),
          scenario,
          settings.timeout());
    }
    return new PersonConsent(listener.expect(), desk, browser, scenario, asked, settings.timeout());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (desk != null) {
      desk.close();
    }
    if (listener != null) {
      listener.close();
    }
  }
}
