package dev.opkit.mock.store;

import java.util.Objects;

/**
 * A wallet address within its session: the provider that serves it and its name (the last path
 * segment of its URL). Records refer to wallets by this id, never by URL, so the URL can follow the
 * provider's public origin and the session's path.
 *
 * @param ase the provider's name, e.g. {@code ase1}
 * @param name the wallet's name, e.g. {@code alice}
 */
public record WalletId(String ase, String name) {
  public WalletId {
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(name, "name");
  }

  /** {@code ase/name}, e.g. {@code ase1/alice}: the owner of the wallet's ledger accounts. */
  public String key() {
    return ase + "/" + name;
  }

  @Override
  public String toString() {
    return key();
  }
}
