package dev.opkit.mock.auth.journal;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.Transactions;
import java.util.List;
import java.util.Optional;

/**
 * The last signed requests each provider of a session checked (a sandbox power real wallets lack:
 * they answer only "invalid signature"), kept in the session's journal store. Bounded: the oldest
 * entries give way to new ones.
 */
public final class RequestJournal {
  private final Transactions storage;
  private final int capacity;

  /**
   * @param capacity how many entries each provider's journal of a session keeps (the storage's
   *     bound)
   */
  public RequestJournal(Transactions storage, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a journal keeps at least one entry, got " + capacity);
    }
    this.storage = storage;
    this.capacity = capacity;
  }

  /**
   * A provider's newest entries in the session first.
   *
   * @param limit at most this many
   * @param refusedOnly only refused requests
   */
  public List<JournalEntry> recent(SessionAse ase, int limit, boolean refusedOnly) {
    return storage.read(
        ase.sessionId(), reads -> reads.journal().recent(ase.name(), limit, refusedOnly));
  }

  /** A provider's entry by its sequence, while the journal keeps it. */
  public Optional<JournalEntry> find(SessionAse ase, long sequence) {
    return storage.read(ase.sessionId(), reads -> reads.journal().find(ase.name(), sequence));
  }

  /** How many entries each provider keeps. */
  public int capacity() {
    return capacity;
  }
}
