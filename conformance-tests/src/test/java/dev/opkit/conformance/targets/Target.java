package dev.opkit.conformance.targets;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.Pause;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.InteractionHandler;
import java.time.Clock;

/**
 * What the kit runs against (sandbox in-process, a running sandbox, or real wallets) and what each
 * scenario gets from it: a client identity, a sender and a receiver wallet, the wallet's clock, a
 * way to wait, and the person's (or the sandbox's) consent.
 */
public interface Target extends AutoCloseable {
  /** Which kind of target this is. */
  TargetKind kind();

  /** One line for reports, e.g. {@code running sandbox at http://localhost:4000, …}. */
  String describe();

  /** Whether the admin API, the clock and wallets made to order are available. */
  boolean hasSandboxPowers();

  /** Whether scenarios must run one at a time, because they share wallets or a person. */
  boolean runsScenariosAlone();

  /**
   * A client for one scenario: in a sandbox a new wallet address with a new registered key; on real
   * wallets the configured one.
   *
   * @param publicName the public name of its wallet address (interactive grants need one), or null
   *     for none (sandbox only)
   */
  ClientIdentity newClient(String publicName);

  /** A wallet for one scenario, returned as its wallet address URL. */
  String newWallet(Role role, WalletSpec spec);

  /** The sandbox's admin API. */
  SandboxAdmin sandbox();

  /** The wallet's time: the sandbox clock, or this machine's clock for real wallets. */
  Clock walletClock();

  /** How to wait for a grant's {@code wait}: move the sandbox clock, or sleep. */
  Pause waiting();

  /**
   * Who answers the consent page: the sandbox's form submitted headlessly, or the person at the
   * keyboard, told what to choose.
   *
   * @param scenario the scenario's name, to tell the person which consent this is
   */
  InteractionHandler consent(HeadlessInteraction.Decision decision, String scenario);

  /** Stops what the target started. */
  @Override
  void close();
}
