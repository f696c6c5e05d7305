package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.GrantSpendingRecord;
import dev.opkit.mock.store.SpendingReads;
import dev.opkit.mock.store.SpendingStore;
import dev.opkit.mock.store.WindowSpent;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What a session's grants spent: per grant, and per grant and window. */
final class MemorySpending implements SpendingReads {
  private final ConcurrentMap<String, GrantSpendingRecord> grants = new ConcurrentHashMap<>();
  private final ConcurrentMap<WindowKey, WindowSpent> windows = new ConcurrentHashMap<>();

  @Override
  public Optional<GrantSpendingRecord> find(String grantId) {
    return Optional.ofNullable(grants.get(grantId));
  }

  @Override
  public Optional<WindowSpent> window(String grantId, long window) {
    return Optional.ofNullable(windows.get(new WindowKey(grantId, window)));
  }

  Writes writes() {
    return new Writes();
  }

  /** The spending as one transaction sees and changes it. */
  final class Writes implements SpendingStore, Pending {
    private final Overlay<String, GrantSpendingRecord> grantOverlay = new Overlay<>(grants);
    private final Overlay<WindowKey, WindowSpent> windowOverlay = new Overlay<>(windows);

    @Override
    public Optional<GrantSpendingRecord> forUpdate(String grantId) {
      return Optional.ofNullable(grantOverlay.get(grantId));
    }

    @Override
    public Optional<WindowSpent> window(String grantId, long window) {
      return Optional.ofNullable(windowOverlay.get(new WindowKey(grantId, window)));
    }

    @Override
    public void save(GrantSpendingRecord spending) {
      grantOverlay.put(spending.grantId(), spending);
    }

    @Override
    public void save(WindowSpent window) {
      windowOverlay.put(new WindowKey(window.grantId(), window.window()), window);
    }

    @Override
    public void commit() {
      grantOverlay.forEach(grants::put);
      windowOverlay.forEach(windows::put);
    }
  }

  private record WindowKey(String grantId, long window) {}
}
