package dev.opkit.mock.store;

import java.util.Optional;

/** A session's wallet addresses, inside a transaction. */
public interface WalletStore {
  Optional<WalletRecord> find(WalletId id);

  /**
   * The wallet, to be changed by this transaction: a database locks its row. Take several wallets
   * in ascending {@link WalletId} order ({@code ase}, then {@code name}).
   */
  Optional<WalletRecord> forUpdate(WalletId id);

  /** Saves a new wallet or a new version of one. */
  void save(WalletRecord wallet);
}
