package dev.opkit.conformance.targets;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.Pause;
import dev.opkit.client.UnauthenticatedClient;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.client.error.TransportException;
import dev.opkit.conformance.consent.Consent;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.keys.PemKeys;
import dev.opkit.protocol.model.WalletAddress;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
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
  private final WalletConsents consents;
  private final int parallel;

  private WalletTarget(
      WalletAddress sender,
      WalletAddress receiver,
      WalletAddress otherAssetReceiver,
      ClientIdentity client,
      WalletConsents consents,
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
    WalletConsents.Settings consent = WalletConsents.read(settings);

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
        consent.start(person),
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
              + role.name().toLowerCase(Locale.ROOT)
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
  public SandboxAdmin sandboxOf(String walletAddress) {
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
}
