package dev.opkit.mock.store;

import java.util.Optional;
import java.util.UUID;

/** A session's quotes, inside a transaction. */
public interface QuoteStore {
  Optional<QuoteRecord> find(UUID id);

  /** The quote, to be changed by this transaction: a database locks its row. */
  Optional<QuoteRecord> forUpdate(UUID id);

  /** Saves a new quote or a new version of one. */
  void save(QuoteRecord quote);
}
