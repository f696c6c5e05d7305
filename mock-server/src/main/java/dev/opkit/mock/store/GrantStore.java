package dev.opkit.mock.store;

import java.util.Optional;

/** A session's grants, inside a transaction. */
public interface GrantStore {
  Optional<GrantRecord> find(String id);

  /**
   * The grant, to be changed by this transaction: a database locks its row. Take it after the
   * wallets a change also takes.
   */
  Optional<GrantRecord> forUpdate(String id);

  /** Saves a new grant or a new version of one (its ids and interaction never change). */
  void save(GrantRecord grant);
}
