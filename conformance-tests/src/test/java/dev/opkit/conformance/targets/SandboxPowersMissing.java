package dev.opkit.conformance.targets;

/**
 * A step asked for a sandbox power on a target that has none: the scenario lacks the tag of that
 * power, which would have skipped it there (see {@link Power}).
 */
public final class SandboxPowersMissing extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public SandboxPowersMissing(String what, Power power) {
    super(
        what
            + " needs "
            + power.description()
            + ", which real wallets do not have; tag the scenario "
            + power.tag()
            + " so that it is skipped on the wallet target");
  }
}
