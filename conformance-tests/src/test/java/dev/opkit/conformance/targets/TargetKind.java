package dev.opkit.conformance.targets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the kit runs against, chosen by {@code opkit.target} (or {@code OPKIT_TARGET}). */
public enum TargetKind {
  /** This project's sandbox, started in-process on free ports (the default). */
  SANDBOX,
  /** A sandbox that is already running, e.g. {@code ./sandbox} or a container. */
  URL,
  /** Real wallets, configured by wallet address URLs, key id and private key. */
  WALLET;

  /** The kind named by a setting value, e.g. {@code url}. */
  public static TargetKind parse(String text) {
    for (TargetKind kind : values()) {
      if (kind.settingValue().equalsIgnoreCase(text.strip())) {
        return kind;
      }
    }
    throw new KitSetupException(
        KitSettings.TARGET
            + " must be one of "
            + Arrays.stream(values())
                .map(TargetKind::settingValue)
                .collect(Collectors.joining(", "))
            + "; got '"
            + text
            + "'");
  }

  /** The value of {@code opkit.target} that chooses this kind. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
