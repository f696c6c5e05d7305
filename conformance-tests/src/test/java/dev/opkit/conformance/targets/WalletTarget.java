package dev.opkit.conformance.targets;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.Pause;
import dev.opkit.client.UnauthenticatedClient;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.client.error.TransportException;
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
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.keys.PemKeys;
import dev.opkit.protocol.model.WalletAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Real wallets as the target, e.g. on the Interledger test network or a wallet operator's staging
 * Rafiki: the configured sender, receiver and client wallet addresses, the client's key, and who
 * consents: the person at the keyboard in the browser, the operator's command ({@code
 * opkit.consent.command}), or Rafiki's identity-provider API ({@code
 * opkit.consent.rafiki-idp-url}). Up to {@code opkit.wallet.parallel} scenarios run at once; they
 * share the wallets, so a scenario tagged {@value #LISTS_TAG}, which reads the client's lists, runs
 * alone. Checks everything it is given before the first scenario, so a typo ends the run with one
 * clear message.
 */
public final class WalletTarget implements Target {
  /** Where the wallet sends the person back by default, as in the guide. */
  static final String DEFAULT_FINISH_URI = LocalCallbackInteraction.DEFAULT_FINISH_URI;

  /** How long each consent may take by default. */
  static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofMinutes(5);

  /** How many scenarios run at once by default. */
  public static final int DEFAULT_PARALLEL = 4;

  /** The most scenarios that may run at once. */
  public static final int MAX_PARALLEL = 16;

  /**
   * Tag of scenarios that list the client's incoming or outgoing payments, which every other
   * scenario adds to when they share the wallets and the client.
   */
  public static final String LISTS_TAG = "@lists";

  private final WalletAddress sender;
  private final WalletAddress receiver;
  private final WalletAddress otherAssetReceiver;
  private final ClientIdentity client;
  private final Consents consents;
  private final int parallel;

  private WalletTarget(
      WalletAddress sender,
      WalletAddress receiver,
      WalletAddress otherAssetReceiver,
      ClientIdentity client,
      Consents consents,
      int parallel) {
    this.sender = sender;
    this.receiver = receiver;
    this.otherAssetReceiver = otherAssetReceiver;
    this.client = client;
    this.consents = consents;
    this.parallel = parallel;
  }

  /**
   * The wallets of the settings, each checked: the wallet addresses exist and are Open Payments
   * wallet addresses, the key file holds an Ed25519 private key, the client's wallet address
   * publishes its public key under the key id, the consent settings fit together and the finish URI
   * can be listened on.
   *
   * @param person where to tell the person what to do
   * @throws KitSetupException saying which setting is wrong and how
   */
  public static WalletTarget open(KitSettings settings, Consumer<String> person) {
    String senderUrl =
        walletAddressUrl(
            settings.required(KitSettings.SENDER, "the wallet address payments are made from"));
    String receiverUrl =
        walletAddressUrl(
            settings.required(KitSettings.RECEIVER, "the wallet address payments are made to"));
    Optional<String> otherAssetUrl =
        settings.optional(KitSettings.RECEIVER_OTHER_ASSET).map(WalletTarget::walletAddressUrl);
    String clientWallet = walletAddressUrl(settings.optional(KitSettings.CLIENT).orElse(senderUrl));
    String keyId =
        settings.required(
            KitSettings.KEY_ID, "the id of your developer key, as the wallet shows it");
    Path keyFile =
        settings.path(
            KitSettings.PRIVATE_KEY, "the file with the private key the wallet let you download");
    Ed25519KeyPair key = readKey(keyFile, settings);
    int parallel = settings.integer(KitSettings.WALLET_PARALLEL, DEFAULT_PARALLEL, 1, MAX_PARALLEL);
    ConsentSettings consent = ConsentSettings.of(settings);

    UnauthenticatedClient reader = UnauthenticatedClient.create();
    WalletAddress sender =
        requireWalletAddress(reader, senderUrl, settings.describe(KitSettings.SENDER));
    WalletAddress receiver =
        requireWalletAddress(reader, receiverUrl, settings.describe(KitSettings.RECEIVER));
    WalletAddress otherAssetReceiver = null;
    if (otherAssetUrl.isPresent()) {
      otherAssetReceiver =
          requireWalletAddress(
              reader, otherAssetUrl.get(), settings.describe(KitSettings.RECEIVER_OTHER_ASSET));
      if (otherAssetReceiver.assetCode().equals(sender.assetCode())) {
        throw new KitSetupException(
            otherAssetReceiver.id()
                + " ("
                + settings.describe(KitSettings.RECEIVER_OTHER_ASSET)
                + ") holds "
                + sender.assetCode()
                + ", the sender's asset; it must hold another one");
      }
    }
    String clientSetting =
        settings.optional(KitSettings.CLIENT).isPresent()
            ? settings.describe(KitSettings.CLIENT)
            : settings.describe(KitSettings.SENDER) + ", also the client";
    requireWalletAddress(reader, clientWallet, clientSetting);
    requirePublishedKey(reader, clientWallet, keyId, key, keyFile, settings);

    return new WalletTarget(
        sender,
        receiver,
        otherAssetReceiver,
        new ClientIdentity(clientWallet, key, keyId),
        consent.start(settings, person),
        parallel);
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

  private static WalletAddress requireWalletAddress(
      UnauthenticatedClient reader, String url, String setting) {
    try {
      return reader.walletAddress().get(url);
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
        + sender.id()
        + ", receiver "
        + receiver.id()
        + (otherAssetReceiver == null
            ? ""
            : ", receiver in " + otherAssetReceiver.assetCode() + " " + otherAssetReceiver.id())
        + ", client "
        + client.walletAddress()
        + "; "
        + parallel
        + " scenario(s) at once; consent by "
        + consents.method();
  }

  @Override
  public Set<Power> powers() {
    return EnumSet.noneOf(Power.class);
  }

  @Override
  public boolean mustRunAlone(Set<String> tags) {
    return tags.contains(LISTS_TAG);
  }

  @Override
  public ClientIdentity newClient(String publicName) {
    if (publicName == null) {
      throw new SandboxPowersMissing(
          "a client wallet address without a public name", Power.WALLETS_MADE_TO_ORDER);
    }
    return client;
  }

  @Override
  public String newWallet(Role role, WalletSpec spec) {
    if (spec.madeToOrder()) {
      throw new SandboxPowersMissing(
          "a wallet with a chosen asset or balance", Power.WALLETS_MADE_TO_ORDER);
    }
    WalletAddress wallet = role == Role.SENDER ? sender : receiver;
    if (spec.otherThan() != null && wallet.assetCode().equals(spec.otherThan())) {
      if (role == Role.RECEIVER
          && otherAssetReceiver != null
          && !otherAssetReceiver.assetCode().equals(spec.otherThan())) {
        return otherAssetReceiver.id();
      }
      throw new NotOnThisTarget(
          "needs a "
              + role.name().toLowerCase(java.util.Locale.ROOT)
              + " wallet in another asset than "
              + spec.otherThan()
              + "; set "
              + KitSettings.RECEIVER_OTHER_ASSET
              + " to a wallet address that holds another asset");
    }
    return wallet.id();
  }

  @Override
  public SandboxAdmin sandbox() {
    throw new SandboxPowersMissing("this step", Power.ADMIN_API);
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
  public Consent newConsent(ScenarioRef scenario, String asked) {
    return consents.newConsent(scenario, asked);
  }

  /** How many scenarios run at once. */
  public int parallel() {
    return parallel;
  }

  @Override
  public void close() {
    consents.close();
  }

  /** The consent settings, read and checked before anything is started. */
  private record ConsentSettings(
      String finishUri,
      Duration timeout,
      boolean openBrowser,
      String command,
      String idpUrl,
      String idpSecret) {

    static ConsentSettings of(KitSettings settings) {
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
                "the secret the wallet's Rafiki shares with its identity provider (its"
                    + " IDP_SECRET, or the tenant's idpSecret)");
        URI url;
        try {
          url = URI.create(idpUrl.get());
        } catch (IllegalArgumentException e) {
          url = null;
        }
        if (url == null || url.getHost() == null || !url.getScheme().startsWith("http")) {
          throw new KitSetupException(
              settings.describe(KitSettings.RAFIKI_IDP_URL)
                  + " must be the http(s) base URL of Rafiki's identity-provider API (the auth"
                  + " service's interaction port, e.g. http://localhost:3009); got '"
                  + idpUrl.get()
                  + "'");
        }
      }
      return new ConsentSettings(
          settings.optional(KitSettings.FINISH_URI).orElse(DEFAULT_FINISH_URI),
          settings.duration(KitSettings.CONSENT_TIMEOUT, DEFAULT_CONSENT_TIMEOUT),
          settings.flag(KitSettings.OPEN_BROWSER, true),
          command.orElse(null),
          idpUrl.orElse(null),
          secret);
    }

    Consents start(KitSettings settings, Consumer<String> person) {
      if (idpUrl != null) {
        requireAnswers(idpUrl, settings.describe(KitSettings.RAFIKI_IDP_URL));
        return new Consents(this, null, null);
      }
      FinishListener listener;
      try {
        listener = FinishListener.open(finishUri);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new KitSetupException(
            e.getMessage() + ". Check " + settings.describe(KitSettings.FINISH_URI));
      }
      ConsentDesk desk =
          command != null
              ? null
              : new ConsentDesk(
                  person,
                  () -> ConsentPlan.consents(tags -> Power.neededBy(tags).isEmpty()),
                  finishUri,
                  timeout);
      return new Consents(this, listener, desk);
    }

    /** Any HTTP answer will do: it shows something listens at the identity-provider URL. */
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
                + ". It is the auth service's interaction port (AUTH_INTERACTION_PORT, 3009 by"
                + " default), reachable from this machine");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KitSetupException("interrupted while checking " + url);
      }
    }
  }

  /** Makes each scenario's consent the configured way, and stops what that started. */
  private static final class Consents implements AutoCloseable {
    private final ConsentSettings settings;
    private final FinishListener listener;
    private final ConsentDesk desk;
    private final BrowserOpener browser;

    Consents(ConsentSettings settings, FinishListener listener, ConsentDesk desk) {
      this.settings = settings;
      this.listener = listener;
      this.desk = desk;
      this.browser = settings.openBrowser() ? BrowserOpener.desktop() : BrowserOpener.NONE;
    }

    String method() {
      if (settings.idpUrl() != null) {
        return "Rafiki's identity-provider API at " + settings.idpUrl();
      }
      return settings.command() != null ? "the consent command" : "you, in the browser";
    }

    Consent newConsent(ScenarioRef scenario, String asked) {
      if (settings.idpUrl() != null) {
        return new RafikiIdpConsent(
            settings.idpUrl(), settings.idpSecret(), settings.finishUri(), settings.timeout());
      }
      if (settings.command() != null) {
        return new CommandConsent(
            settings.command(), listener.expect(), scenario, settings.timeout());
      }
      return new PersonConsent(
          listener.expect(), desk, browser, scenario, asked, settings.timeout());
    }

    @Override
    public void close() {
      if (desk != null) {
        desk.close();
      }
      if (listener != null) {
        listener.close();
      }
    }
  }
}
