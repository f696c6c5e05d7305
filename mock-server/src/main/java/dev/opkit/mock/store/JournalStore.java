package dev.opkit.mock.store;

/** A session's request journals, inside a transaction. */
public interface JournalStore {
  /**
   * Adds an entry with the next number, dropping the provider's oldest when its journal is full.
   */
  JournalEntry append(JournalEntry entry);
}
