package dev.opkit.mock.resource.quote;

import java.util.Optional;
import java.util.UUID;

/** Where quotes are kept. */
public interface QuoteStore {
  void add(QuoteRecord quote);

  Optional<QuoteRecord> find(UUID id);

  /** How many quotes are stored. */
  int count();

  void clear();
}
