package dev.opkit.mock.resource.quote;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link QuoteStore} in a concurrent map. */
public final class InMemoryQuoteStore implements QuoteStore {
  private final ConcurrentMap<UUID, QuoteRecord> quotes = new ConcurrentHashMap<>();

  @Override
  public void add(QuoteRecord quote) {
    quotes.put(quote.id(), quote);
  }

  @Override
  public Optional<QuoteRecord> find(UUID id) {
    return Optional.ofNullable(quotes.get(id));
  }

  @Override
  public int count() {
    return quotes.size();
  }

  @Override
  public void clear() {
    quotes.clear();
  }
}
