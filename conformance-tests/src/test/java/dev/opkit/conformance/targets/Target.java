package dev.opkit.conformance.targets;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.Pause;
import dev.opkit.conformance.consent.Consent;
import dev.opkit.conformance.events.ScenarioRef;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.time.Clock;
import java.util.Set;

/**
 * What the kit runs against (sandbox in-process, a running sandbox, or real wallets) and what each
 * scenario gets from it: a client identity, a sender and a receiver wallet, the wallet's clock, a
 * way to wait, and a consent for each interactive grant. Each scenario works with {@link
 * #forScenario}'s target, so a target can give each scenario its own (a sandbox: a session).
 */
public interface Target extends AutoCloseable {
  /**
   * What one scenario runs against, asked for when it begins: this target itself, or one of the
   * scenario's own (a sandbox session), which the scenario's end closes.
   */
  default Target forScenario(ScenarioRef scenario) {
    return this;
  }

  /** Which kind of target this is. */
  TargetKind kind();

  /** One line for reports, e.g. {@code running sandbox at http://localhost:4000, …}. */
  String describe();

  /** The sandbox powers this target has; scenarios that need others are skipped. */
  Set<Power> powers();

  /**
   * Whether a scenario with these tags must run while no other scenario runs, because on this
   * target it shares state with the others (the client's lists on shared wallets, the one sandbox
   * clock).
   */
  boolean mustRunAlone(Set<String> tags);

  /**
   * A client for one scenario: in a sandbox a new wallet address with a new registered key; on real
   * wallets the configured one.
   *
   * @param publicName the public name of its wallet address (interactive grants need one), or null
   *     for none (sandbox only)
   */
  ClientIdentity newClient(String publicName);

  /**
   * A wallet for one scenario, returned as its wallet address URL.
   *
   * @throws NotOnThisTarget when the target has no such wallet, so the scenario is skipped
   */
  String newWallet(Role role, WalletSpec spec);

  /**
   * The sandbox's admin API for the scenario's session on the first provider (the clock, the
   * session's settings, its wallets there).
   */
  SandboxAdmin sandbox();

  /** The sandbox's admin API for the scenario's session on the provider of this wallet address. */
  SandboxAdmin sandboxOf(String walletAddress);

  /** The wallet's time: the sandbox clock, or this machine's clock for real wallets. */
  Clock walletClock();

  /** How to wait for a grant's {@code wait}: move the sandbox clock, or sleep. */
  Pause waiting();

  /**
   * The consent for one interactive grant of a scenario: its finish URI, and who will answer the
   * consent page (the sandbox's form submitted headlessly, a person, a command, an identity
   * provider).
   *
   * @param asked what the grant asks for, in words, for a person's prompt
   */
  Consent newConsent(ScenarioRef scenario, String asked);

  /** Stops what the target started. */
  @Override
  void close();
}
