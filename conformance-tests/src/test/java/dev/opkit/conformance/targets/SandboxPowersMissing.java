package dev.opkit.conformance.targets;

/**
 * A step asked for a sandbox power (the admin API, the clock, wallets made to order) on a target
 * that has none: the scenario should be tagged {@code @sandbox}, so that it is skipped there.
 */
public final class SandboxPowersMissing extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public SandboxPowersMissing(String what) {
    super(
        what
            + " needs the sandbox's admin API, which real wallets do not have; tag the scenario"
            + " @sandbox so that it is skipped on the wallet target");
  }
}
