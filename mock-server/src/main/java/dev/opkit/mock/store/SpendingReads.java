package dev.opkit.mock.store;

import java.util.Optional;

/** Reading what a session's grants spent. */
public interface SpendingReads {
  Optional<GrantSpendingRecord> find(String grantId);

  /** A grant's sums in one window; empty when nothing was ever counted there. */
  Optional<WindowSpent> window(String grantId, long window);
}
