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
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private final TargetKind kind;
  private final Sandbox inProcess;
  private final SandboxAdmin admin;
  private final Clock clock;
  private final boolean ownSession;
  private final Duration clockOffset;

  private SandboxTarget(TargetKind kind, Sandbox inProcess, SandboxAdmin admin) {
    this(kind, inProcess, admin, false);
  }

  private SandboxTarget(
      TargetKind kind, Sandbox inProcess, SandboxAdmin admin, boolean ownSession) {
    this.kind = kind;
    this.inProcess = inProcess;
    this.admin = admin;
    this.clock = new AdminClock(admin);
    this.ownSession = ownSession;
    this.clockOffset = ownSession ? Duration.ZERO : Duration.between(Instant.now(), admin.now());
  }

  /** Starts the default sandbox in this JVM, on free loopback ports. */
  public static SandboxTarget inProcess() {
    return inProcess(SandboxConfig.defaults());
  }

  /** Starts a sandbox of this configuration in this JVM, on free loopback ports. */
  public static SandboxTarget inProcess(SandboxConfig config) {
    Sandbox sandbox = Sandbox.create(config.ephemeral()).start();
    List<String> providers = sandbox.ases().stream().map(Ase::publicBase).toList();
    return new SandboxTarget(TargetKind.SANDBOX, sandbox, new SandboxAdmin(providers, null));
  }

  /**
   * A sandbox that is already running.
   *
   * @throws KitSetupException when a provider does not answer its admin API
   */
  public static SandboxTarget running(List<String> providers, String adminSecret) {
    SandboxAdmin admin = new SandboxAdmin(providers, adminSecret);
    admin.requireReachable();
    return new SandboxTarget(TargetKind.URL, null, admin);
  }

  @Override
  public TargetKind kind() {
    return kind;
  }

  @Override
  public String describe() {
    return (kind == TargetKind.SANDBOX ? "sandbox in-process at " : "running sandbox at ")
        + String.join(", ", admin.providers());
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
    if (ownSession) {
      return this;
    }
    return new SandboxTarget(kind, null, admin.openSession(scenario.id()), true);
  }

  @Override
  public ClientIdentity newClient(String publicName) {
    String name = uniqueName("client");
    admin.createWallet(0, name, publicName, DEFAULT_SENDER_ASSET, ASSET_SCALE, BigInteger.ZERO);
    String walletAddress = admin.providers().get(0) + "/" + name;
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    String keyId = name + "-key";
    admin.addKey(walletAddress, key.toJwk(keyId));
    return new ClientIdentity(walletAddress, key, keyId);
  }

  @Override
  public String newWallet(Role role, WalletSpec spec) {
    int provider = role == Role.SENDER ? 0 : Math.min(1, admin.providers().size() - 1);
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
    return admin.createWallet(
        provider,
        name,
        role == Role.SENDER ? "Sender " + name : "Receiver " + name,
        asset,
        ASSET_SCALE,
        HumanUnits.toBaseUnits(balance, ASSET_SCALE));
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
    return admin;
  }

  @Override
  public Clock walletClock() {
    return clock;
  }

  @Override
  public Pause waiting() {
    return duration -> admin.advance(wholeSeconds(duration));
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
    if (ownSession) {
      admin.discardSession();
    } else if (inProcess != null) {
      inProcess.stop();
    } else {
      admin.setNow(Instant.now().plus(clockOffset));
    }
  }
}
