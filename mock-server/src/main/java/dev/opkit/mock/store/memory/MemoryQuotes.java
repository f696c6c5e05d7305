package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.QuoteReads;
import dev.opkit.mock.store.QuoteRecord;
import dev.opkit.mock.store.QuoteStore;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A session's quotes by id. */
final class MemoryQuotes implements QuoteReads {
  private final ConcurrentMap<UUID, QuoteRecord> rows = new ConcurrentHashMap<>();

  @Override
  public Optional<QuoteRecord> find(UUID id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public int count() {
    return rows.size();
  }

  Writes writes() {
    return new Writes();
  }

  /** The quotes as one transaction sees and changes them. */
  final class Writes implements QuoteStore, Pending {
    private final Overlay<UUID, QuoteRecord> overlay = new Overlay<>(rows);

    @Override
    public Optional<QuoteRecord> find(UUID id) {
      return Optional.ofNullable(overlay.get(id));
    }

    @Override
    public Optional<QuoteRecord> forUpdate(UUID id) {
      return find(id);
    }

    @Override
    public void save(QuoteRecord quote) {
      overlay.put(quote.id(), quote);
    }

    @Override
    public void commit() {
      overlay.forEach(rows::put);
    }
  }
}
