package dev.opkit.conformance.targets;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.Pause;
import dev.opkit.client.interaction.LocalCallbackInteraction;
import dev.opkit.conformance.consent.Consent;
import dev.opkit.conformance.consent.HeadlessConsent;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.sandbox.admin.CreatedSession;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SandboxAdminException;
import dev.opkit.sandbox.admin.SessionInfo;
import dev.opkit.sandbox.admin.SessionOptions;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This project's sandbox as the target: started in-process on free loopback ports ({@code
 * sandbox}), or already running ({@code url}). Every scenario runs in a session of its own ({@link
 * #forScenario}: made through {@code POST /admin/sessions} when it begins, deleted when it ends),
 * with its own clock, wallets, client and grants, so scenarios never share state, need no reset and
 * all run in parallel, those that move the clock too; waiting for a grant's {@code wait} moves the
 * session's clock instead of sleeping.
 */
public final class SandboxTarget implements Target {
  /** The asset of a sender wallet when the scenario does not choose one. */
  static final String DEFAULT_SENDER_ASSET = "USD";

  /** The asset of a receiver wallet when the scenario does not choose one. */
  static final String DEFAULT_RECEIVER_ASSET = "EUR";

  /** A sender wallet's balance when the scenario does not choose one. */
  static final String DEFAULT_SENDER_BALANCE = "1000.00";

  private static final int ASSET_SCALE = 2;
  private static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_SESSION_NAME = 100;

  private final TargetKind kind;
  private final Sandbox inProcess;
  private final List<String> providers;
  private final List<SandboxAdmin> admins;
  private final String session;
  private final Clock clock;
  private final Duration clockOffset;

  /**
   * @param providers where each provider's wallet addresses start: its origin, and in a session the
   *     session's segment
   * @param admins each provider's typed admin client, in the same order
   * @param session the scenario's session id, or null for the default session
   */
  private SandboxTarget(
      TargetKind kind,
      Sandbox inProcess,
      List<String> providers,
      List<SandboxAdmin> admins,
      String session) {
    this.kind = kind;
    this.inProcess = inProcess;
    this.providers = List.copyOf(providers);
    this.admins = List.copyOf(admins);
    this.session = session;
    this.clock = new AdminClock(admins.get(0));
    this.clockOffset =
        session != null ? Duration.ZERO : Duration.between(Instant.now(), admins.get(0).now());
  }

  private static SandboxTarget of(
      TargetKind kind, Sandbox inProcess, List<String> providers, String secret) {
    if (providers.isEmpty()) {
      throw new KitSetupException("a sandbox target needs at least one provider URL");
    }
    List<String> origins = providers.stream().map(SandboxTarget::withoutTrailingSlash).toList();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<SandboxAdmin> admins =
        origins.stream().map(o -> SandboxAdmin.connect(http, o + "/admin", secret)).toList();
    if (inProcess == null) {
      requireReachable(origins, admins);
    }
    return new SandboxTarget(kind, inProcess, origins, admins, null);
  }

  /** Starts the default sandbox in this JVM, on free loopback ports. */
  public static SandboxTarget inProcess() {
    return inProcess(SandboxConfig.defaults());
  }

  /** Starts a sandbox of this configuration in this JVM, on free loopback ports. */
  public static SandboxTarget inProcess(SandboxConfig config) {
    Sandbox sandbox = Sandbox.create(config.ephemeral()).start();
    List<String> providers = sandbox.ases().stream().map(Ase::publicBase).toList();
    return of(TargetKind.SANDBOX, sandbox, providers, null);
  }

  /**
   * A sandbox that is already running.
   *
   * @throws KitSetupException when a provider does not answer its admin API
   */
  public static SandboxTarget running(List<String> providers, String adminSecret) {
    return of(TargetKind.URL, null, providers, adminSecret);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Checks that every provider answers its admin API; says which does not and what to do. */
  private static void requireReachable(List<String> providers, List<SandboxAdmin> admins) {
    for (int i = 0; i < providers.size(); i++) {
      String provider = providers.get(i);
      try {
        if (!admins.get(i).index().has("walletAddresses")) {
          throw new KitSetupException(
              provider
                  + "/admin answered something other than the sandbox's admin index; is "
                  + provider
                  + " this project's sandbox, with its admin API enabled?");
        }
      } catch (UncheckedIOException e) {
        throw new KitSetupException(
            "no sandbox answers at "
                + provider
                + " ("
                + e.getCause().getClass().getSimpleName()
                + "). Start one with ./sandbox, or point "
                + KitSettings.SANDBOX_URLS
                + " at the providers of a running sandbox");
      } catch (SandboxAdminException e) {
        if (e.status() == 401) {
          throw new KitSetupException(
              "the admin API at "
                  + provider
                  + "/admin needs a secret; set "
                  + KitSettings.ADMIN_SECRET
                  + " to the sandbox's admin secret");
        }
        throw new KitSetupException(
            provider
                + "/admin answered "
                + e.status()
                + " instead of the sandbox's admin index; is "
                + provider
                + " this project's sandbox, with its admin API enabled?");
      } catch (IllegalStateException e) {
        throw new KitSetupException(
            provider + "/admin answered no JSON; is " + provider + " this project's sandbox?");
      }
    }
  }

  /**
   * The providers' base URLs, in order: where wallet addresses start (in a session, the origin and
   * the session's segment).
   */
  public List<String> providers() {
    return providers;
  }

  @Override
  public TargetKind kind() {
    return kind;
  }

  @Override
  public String describe() {
    return (kind == TargetKind.SANDBOX ? "sandbox in-process at " : "running sandbox at ")
        + String.join(", ", providers);
  }

  @Override
  public Set<Power> powers() {
    return EnumSet.allOf(Power.class);
  }

  /** Nothing: each scenario has a session of its own, clock included. */
  @Override
  public boolean mustRunAlone(Set<String> tags) {
    return false;
  }

  /**
   * A session of its own for one scenario, made now; closing the target it returns deletes the
   * session and everything in it.
   */
  @Override
  public Target forScenario(ScenarioRef scenario) {
    if (session != null) {
      return this;
    }
    String name = scenario.id();
    CreatedSession made =
        admins
            .get(0)
            .createSession(
                SessionOptions.defaults()
                    .withName(
                        name.length() > MAX_SESSION_NAME
                            ? name.substring(0, MAX_SESSION_NAME)
                            : name)
                    .withoutWallets());
    List<String> bases = new ArrayList<>();
    List<SandboxAdmin> sessionAdmins = new ArrayList<>();
    for (String provider : providers) {
      SessionInfo.Provider match =
          made.info().providers().stream()
              .filter(candidate -> candidate.resourceServer().startsWith(provider + "/"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the sandbox's new session names no URLs under "
                              + provider
                              + ": "
                              + made.info()));
      bases.add(match.resourceServer());
      sessionAdmins.add(admins.get(0).session(made, match.name()));
    }
    return new SandboxTarget(kind, null, bases, sessionAdmins, made.id());
  }

  @Override
  public ClientIdentity newClient(String publicName) {
    String name = uniqueName("client");
    String walletAddress =
        admins
            .get(0)
            .createWallet(
                NewWallet.of(name, DEFAULT_SENDER_ASSET, ASSET_SCALE, 0).withPublicName(publicName))
            .id();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    String keyId = name + "-key";
    admins.get(0).addKey(name, key.toJwk(keyId));
    return new ClientIdentity(walletAddress, key, keyId);
  }

  @Override
  public String newWallet(Role role, WalletSpec spec) {
    int provider = role == Role.SENDER ? 0 : Math.min(1, providers.size() - 1);
    String asset =
        spec.assetCode() != null
            ? spec.assetCode()
            : spec.otherThan() != null
                ? otherAsset(spec.otherThan())
                : role == Role.SENDER ? DEFAULT_SENDER_ASSET : DEFAULT_RECEIVER_ASSET;
    String balance =
        spec.balance() != null
            ? spec.balance()
            : role == Role.SENDER ? DEFAULT_SENDER_BALANCE : "0";
    String name = uniqueName(role == Role.SENDER ? "sender" : "receiver");
    return admins
        .get(provider)
        .createWallet(
            new NewWallet(
                name,
                role == Role.SENDER ? "Sender " + name : "Receiver " + name,
                asset,
                ASSET_SCALE,
                HumanUnits.toBaseUnits(balance, ASSET_SCALE)))
        .id();
  }

  private static String otherAsset(String asset) {
    return DEFAULT_SENDER_ASSET.equals(asset) ? DEFAULT_RECEIVER_ASSET : DEFAULT_SENDER_ASSET;
  }

  private static String uniqueName(String role) {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return role + "-" + HexFormat.of().formatHex(random);
  }

  @Override
  public SandboxAdmin sandbox() {
    return admins.get(0);
  }

  @Override
  public SandboxAdmin sandboxOf(String walletAddress) {
    for (int i = 0; i < providers.size(); i++) {
      if (walletAddress.startsWith(providers.get(i) + "/")) {
        return admins.get(i);
      }
    }
    throw new IllegalArgumentException(
        walletAddress + " is not a wallet address of this sandbox's providers " + providers);
  }

  @Override
  public Clock walletClock() {
    return clock;
  }

  @Override
  public Pause waiting() {
    return duration -> admins.get(0).advance(wholeSeconds(duration));
  }

  private static Duration wholeSeconds(Duration duration) {
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  @Override
  public Consent newConsent(ScenarioRef scenario, String asked) {
    return new HeadlessConsent(LocalCallbackInteraction.DEFAULT_FINISH_URI, CONSENT_TIMEOUT);
  }

  /**
   * Deletes a scenario's session; stops a sandbox started in-process; a running sandbox gets its
   * default session's clock back where it was before the kit started, so its user finds it as they
   * left it.
   */
  @Override
  public void close() {
    if (session != null) {
      admins.get(0).deleteSession(session);
    } else if (inProcess != null) {
      inProcess.stop();
    } else {
      admins.get(0).setClock(Instant.now().plus(clockOffset));
    }
  }
}
