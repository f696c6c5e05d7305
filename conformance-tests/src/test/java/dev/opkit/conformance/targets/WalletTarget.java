package dev.opkit.conformance.targets;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.Pause;
import dev.opkit.client.UnauthenticatedClient;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.client.error.TransportException;
import dev.opkit.client.interaction.BrowserOpener;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.client.interaction.LocalCallbackInteraction;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.keys.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Real wallets as the target, e.g. on the Interledger test network: the configured sender, receiver
 * and client wallet addresses, the client's key, and a person who consents in the browser.
 * Scenarios run one at a time, since they share these wallets and that person. Checks everything it
 * is given before the first scenario, so a typo ends the run with one clear message.
 */
public final class WalletTarget implements Target {
  /** Where the wallet sends the person back by default, as in the guide. */
  static final String DEFAULT_FINISH_URI = LocalCallbackInteraction.DEFAULT_FINISH_URI;

  /** How long the person has for each consent by default. */
  static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofMinutes(5);

  private final String sender;
  private final String receiver;
  private final ClientIdentity client;
  private final String finishUri;
  private final Duration consentTimeout;
  private final BrowserOpener browser;
  private final Consumer<String> person;

  private WalletTarget(
      String sender,
      String receiver,
      ClientIdentity client,
      String finishUri,
      Duration consentTimeout,
      BrowserOpener browser,
      Consumer<String> person) {
    this.sender = sender;
    this.receiver = receiver;
    this.client = client;
    this.finishUri = finishUri;
    this.consentTimeout = consentTimeout;
    this.browser = browser;
    this.person = person;
  }

  /**
   * The wallets of the settings, each checked: the wallet addresses exist and are Open Payments
   * wallet addresses, the key file holds an Ed25519 private key, and the client's wallet address
   * publishes its public key under the key id.
   *
   * @param person where to tell the person what to do
   * @throws KitSetupException saying which setting is wrong and how
   */
  public static WalletTarget open(KitSettings settings, Consumer<String> person) {
    String sender =
        walletAddressUrl(
            settings.required(KitSettings.SENDER, "the wallet address payments are made from"));
    String receiver =
        walletAddressUrl(
            settings.required(KitSettings.RECEIVER, "the wallet address payments are made to"));
    String clientWallet = walletAddressUrl(settings.optional(KitSettings.CLIENT).orElse(sender));
    String keyId =
        settings.required(
            KitSettings.KEY_ID, "the id of your developer key, as the wallet shows it");
    Path keyFile =
        settings.path(
            KitSettings.PRIVATE_KEY, "the file with the private key the wallet let you download");
    Ed25519KeyPair key = readKey(keyFile, settings);

    UnauthenticatedClient reader = UnauthenticatedClient.create();
    requireWalletAddress(reader, sender, settings.describe(KitSettings.SENDER));
    requireWalletAddress(reader, receiver, settings.describe(KitSettings.RECEIVER));
    String clientSetting =
        settings.optional(KitSettings.CLIENT).isPresent()
            ? settings.describe(KitSettings.CLIENT)
            : settings.describe(KitSettings.SENDER) + ", also the client";
    requireWalletAddress(reader, clientWallet, clientSetting);
    requirePublishedKey(reader, clientWallet, keyId, key, keyFile, settings);

    String finishUri = settings.optional(KitSettings.FINISH_URI).orElse(DEFAULT_FINISH_URI);
    LocalCallbackInteraction.problem(finishUri)
        .ifPresent(
            problem -> {
              throw new KitSetupException(
                  problem + ". Check " + settings.describe(KitSettings.FINISH_URI));
            });

    return new WalletTarget(
        sender,
        receiver,
        new ClientIdentity(clientWallet, key, keyId),
        finishUri,
        settings.duration(KitSettings.CONSENT_TIMEOUT, DEFAULT_CONSENT_TIMEOUT),
        settings.flag(KitSettings.OPEN_BROWSER, true)
            ? BrowserOpener.desktop()
            : BrowserOpener.NONE,
        person);
  }

  /**
   * A wallet address URL from a setting: a payment pointer such as {@code
   * $ilp.interledger-test.dev/alice} becomes {@code https://ilp.interledger-test.dev/alice}.
   */
  static String walletAddressUrl(String setting) {
    String url = setting.startsWith("$") ? "https://" + setting.substring(1) : setting;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Ed25519KeyPair readKey(Path keyFile, KitSettings settings) {
    String pem;
    try {
      pem = Files.readString(keyFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KitSetupException(
          "cannot read the private key file "
              + keyFile
              + " named by "
              + settings.describe(KitSettings.PRIVATE_KEY)
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
    try {
      return PemKeys.readPrivateKey(pem);
    } catch (KeyFormatException e) {
      throw new KitSetupException(
          keyFile
              + " does not hold an Ed25519 private key in PKCS#8 PEM ("
              + e.getMessage()
              + "); use the private key file your wallet let you download with the key");
    }
  }

  private static void requireWalletAddress(
      UnauthenticatedClient reader, String url, String setting) {
    try {
      reader.walletAddress().get(url);
    } catch (ApiErrorException e) {
      if (e.status() == 404) {
        throw new KitSetupException(
            "the wallet address "
                + url
                + " does not exist: its wallet answered 404 Not Found. Check "
                + setting
                + "; copy the address from the wallet, e.g. https://ilp.interledger-test.dev/alice");
      }
      throw new KitSetupException(
          "the wallet address "
              + url
              + " ("
              + setting
              + ") answered HTTP "
              + e.status()
              + " instead of its document: "
              + e.getMessage());
    } catch (TransportException e) {
      throw new KitSetupException(
          "no answer from the wallet address "
              + url
              + " ("
              + setting
              + "): "
              + e.getMessage()
              + ". Check the address and your network");
    } catch (ResponseValidationException e) {
      throw new KitSetupException(
          url
              + " ("
              + setting
              + ") does not answer with an Open Payments wallet address: "
              + e.violations().stream().map(Object::toString).collect(Collectors.joining("; ")));
    } catch (OpenPaymentsException | IllegalArgumentException e) {
      throw new KitSetupException(
          "cannot read the wallet address " + url + " (" + setting + "): " + e.getMessage());
    }
  }

  private static void requirePublishedKey(
      UnauthenticatedClient reader,
      String clientWallet,
      String keyId,
      Ed25519KeyPair key,
      Path keyFile,
      KitSettings settings) {
    JwkSet keys;
    try {
      keys = reader.walletAddress().getKeys(clientWallet);
    } catch (OpenPaymentsException e) {
      throw new KitSetupException(
          "cannot read the keys of the client's wallet address "
              + clientWallet
              + "/jwks.json: "
              + e.getMessage());
    }
    Jwk published =
        keys.find(keyId)
            .orElseThrow(
                () ->
                    new KitSetupException(
                        "the key id "
                            + keyId
                            + " ("
                            + settings.describe(KitSettings.KEY_ID)
                            + ") is not among the keys "
                            + clientWallet
                            + "/jwks.json publishes ("
                            + (keys.keys().isEmpty()
                                ? "none"
                                : keys.keys().stream()
                                    .map(Jwk::kid)
                                    .collect(Collectors.joining(", ")))
                            + "); copy the key id from the wallet's developer keys page"));
    if (!key.toJwk(keyId).x().equals(published.x())) {
      throw new KitSetupException(
          "the private key in "
              + keyFile
              + " does not match the public key "
              + clientWallet
              + "/jwks.json publishes as "
              + keyId
              + "; use the private key downloaded with that key id");
    }
  }

  @Override
  public TargetKind kind() {
    return TargetKind.WALLET;
  }

  @Override
  public String describe() {
    return "real wallets: sender "
        + sender
        + ", receiver "
        + receiver
        + ", client "
        + client.walletAddress();
  }

  @Override
  public boolean hasSandboxPowers() {
    return false;
  }

  @Override
  public boolean runsScenariosAlone() {
    return true;
  }

  @Override
  public ClientIdentity newClient(String publicName) {
    if (publicName == null) {
      throw new SandboxPowersMissing("a client wallet address without a public name");
    }
    return client;
  }

  @Override
  public String newWallet(Role role, WalletSpec spec) {
    if (spec.madeToOrder()) {
      throw new SandboxPowersMissing("a wallet with a chosen asset or balance");
    }
    return role == Role.SENDER ? sender : receiver;
  }

  @Override
  public SandboxAdmin sandbox() {
    throw new SandboxPowersMissing("this step");
  }

  @Override
  public Clock walletClock() {
    return Clock.systemUTC();
  }

  @Override
  public Pause waiting() {
    return Pause.SLEEP;
  }

  @Override
  public InteractionHandler consent(HeadlessInteraction.Decision decision, String scenario) {
    LocalCallbackInteraction browserConsent =
        new LocalCallbackInteraction(finishUri, consentTimeout, person, browser);
    return new PersonConsent(browserConsent, decision, scenario, person);
  }

  @Override
  public void close() {
    // Nothing was started: the wallets belong to their providers.
  }
}
