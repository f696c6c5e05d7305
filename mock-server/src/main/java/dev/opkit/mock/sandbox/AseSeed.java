package dev.opkit.mock.sandbox;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The wallet addresses a session starts with on one provider (and gets back when it is reset).
 *
 * @param name the provider's name, e.g. {@code ase1}
 * @param wallets the wallets, in the config file's shape
 */
public record AseSeed(String name, List<WalletSeed> wallets) {
  public AseSeed {
    Objects.requireNonNull(name, "an entry of 'ases' needs the provider's name, e.g. ase1");
    wallets = wallets == null ? List.of() : List.copyOf(wallets);
    Set<String> seen = new HashSet<>();
    for (WalletSeed wallet : wallets) {
      if (!seen.add(wallet.name())) {
        throw new IllegalArgumentException(
            "ASE '" + name + "' lists the wallet '" + wallet.name() + "' twice");
      }
    }
  }
}
