package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/** Reading a session's books. */
public interface LedgerReads {
  Optional<AccountRecord> find(AccountKey key);

  /** Every account; read it consistently (see {@link Transactions#readConsistent}) for totals. */
  List<AccountRecord> all();
}
