package dev.opkit.mock.store;

import java.util.Optional;

/**
 * What a session's grants spent, inside a transaction. A payment's check and count happen under
 * {@link #forUpdate} of its grant, taken after the payment's wallets.
 */
public interface SpendingStore {
  /** The grant's spending, to be changed by this transaction: a database locks its row. */
  Optional<GrantSpendingRecord> forUpdate(String grantId);

  Optional<WindowSpent> window(String grantId, long window);

  void save(GrantSpendingRecord spending);

  void save(WindowSpent window);
}
