package dev.opkit.mock.store;

/** A session's own record, inside a transaction. */
public interface SessionStore {
  /** The record, with this transaction's change if it made one. */
  SessionRecord record();

  /** Saves a new version of the record (its id cannot change). */
  void save(SessionRecord record);
}
