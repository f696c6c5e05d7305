package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletReads;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.store.WalletStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A session's wallets: by id, and per provider in the order they were opened. */
final class MemoryWallets implements WalletReads {
  private final ConcurrentMap<WalletId, WalletRecord> rows = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentSkipListMap<Long, WalletId>> byAse =
      new ConcurrentHashMap<>();

  @Override
  public Optional<WalletRecord> find(WalletId id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public List<WalletRecord> all(String ase) {
    ConcurrentSkipListMap<Long, WalletId> ids = byAse.get(ase);
    return ids == null ? List.of() : ids.values().stream().map(rows::get).toList();
  }

  @Override
  public int count() {
    return rows.size();
  }

  Writes writes() {
    return new Writes();
  }

  private void apply(WalletRecord wallet) {
    if (rows.put(wallet.id(), wallet) == null) {
      byAse
          .computeIfAbsent(wallet.id().ase(), a -> new ConcurrentSkipListMap<>())
          .put(wallet.ordinal(), wallet.id());
    }
  }

  /** The wallets as one transaction sees and changes them. */
  final class Writes implements WalletStore, Pending {
    private final Overlay<WalletId, WalletRecord> overlay = new Overlay<>(rows);

    @Override
    public Optional<WalletRecord> find(WalletId id) {
      return Optional.ofNullable(overlay.get(id));
    }

    @Override
    public Optional<WalletRecord> forUpdate(WalletId id) {
      return find(id);
    }

    @Override
    public void save(WalletRecord wallet) {
      overlay.put(wallet.id(), wallet);
    }

    @Override
    public void commit() {
      overlay.forEach((id, wallet) -> apply(wallet));
    }
  }
}
