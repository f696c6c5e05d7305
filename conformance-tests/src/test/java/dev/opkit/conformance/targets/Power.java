package dev.opkit.conformance.targets;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What only a sandbox can do for a scenario, each named by the tag of the scenarios that need it. A
 * target without the power skips those scenarios and says which power they lack.
 */
public enum Power {
  /** Balances read and set, payments made to fail: the sandbox's admin API. */
  ADMIN_API(
      "@admin-api", "the sandbox's admin API (to read or set balances, or make payments fail)"),
  /** Time moved forward at will. */
  CLOCK("@clock", "the sandbox's clock (to move the wallet's time forward)"),
  /** Wallets with a chosen asset or balance, or client wallet addresses without name or keys. */
  WALLETS_MADE_TO_ORDER(
      "@made-to-order",
      "wallets made to order (a chosen asset or balance, or a wallet address without public name or"
          + " keys)");

  private final String tag;
  private final String description;

  Power(String tag, String description) {
    this.tag = tag;
    this.description = description;
  }

  /** The scenario tag, e.g. {@code @clock}. */
  public String tag() {
    return tag;
  }

  /** What it is, for a skip reason. */
  public String description() {
    return description;
  }

  /** The powers a scenario with these tags needs. */
  public static Set<Power> neededBy(Set<String> tags) {
    Set<Power> needed = EnumSet.noneOf(Power.class);
    for (Power power : values()) {
      if (tags.contains(power.tag)) {
        needed.add(power);
      }
    }
    return needed;
  }

  /** Why a scenario that needs {@code missing} is skipped on a {@code kind} target. */
  public static String skipReason(Set<Power> missing, TargetKind kind) {
    return "needs "
        + missing.stream().map(Power::description).collect(Collectors.joining(" and "))
        + ", which "
        + kind.settingValue()
        + " targets do not have";
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
