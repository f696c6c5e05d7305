package dev.opkit.mock.store;

import java.util.Optional;
import java.util.UUID;

/** Reading a session's quotes. */
public interface QuoteReads {
  Optional<QuoteRecord> find(UUID id);

  /** How many quotes the session holds, used or not. */
  int count();
}
