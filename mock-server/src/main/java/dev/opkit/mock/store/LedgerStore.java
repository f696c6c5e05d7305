package dev.opkit.mock.store;

import java.util.Optional;

/**
 * A session's books, inside a transaction. Moving money is the ledger service's rule (one transfer
 * changes its accounts all together or not at all); the store keeps the balances.
 */
public interface LedgerStore {
  /**
   * The account, to be changed by this transaction: a database locks its row. A transfer takes its
   * accounts in ascending {@link AccountKey} order.
   */
  Optional<AccountRecord> forUpdate(AccountKey key);

  /** Saves a new account or its new balance. */
  void save(AccountRecord account);
}
