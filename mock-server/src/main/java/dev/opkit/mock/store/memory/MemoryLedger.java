package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.AccountKey;
import dev.opkit.mock.store.AccountRecord;
import dev.opkit.mock.store.LedgerReads;
import dev.opkit.mock.store.LedgerStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A session's accounts and their balances. */
final class MemoryLedger implements LedgerReads {
  private final ConcurrentMap<AccountKey, AccountRecord> rows = new ConcurrentHashMap<>();

  @Override
  public Optional<AccountRecord> find(AccountKey key) {
    return Optional.ofNullable(rows.get(key));
  }

  @Override
  public List<AccountRecord> all() {
    return List.copyOf(rows.values());
  }

  Writes writes() {
    return new Writes();
  }

  /** The accounts as one transaction sees and changes them. */
  final class Writes implements LedgerStore, Pending {
    private final Overlay<AccountKey, AccountRecord> overlay = new Overlay<>(rows);

    @Override
    public Optional<AccountRecord> forUpdate(AccountKey key) {
      return Optional.ofNullable(overlay.get(key));
    }

    @Override
    public void save(AccountRecord account) {
      overlay.put(account.key(), account);
    }

    @Override
    public void commit() {
      overlay.forEach(rows::put);
    }
  }
}
