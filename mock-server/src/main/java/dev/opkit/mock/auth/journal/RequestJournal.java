package dev.opkit.mock.auth.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last signed requests each provider checked (a sandbox power real wallets lack: they answer
 * only "invalid signature"). Bounded: the oldest entries give way to new ones.
 */
public final class RequestJournal {
  private final int capacity;
  private final AtomicLong sequences = new AtomicLong();
  private final Map<String, Deque<JournalEntry>> byAse = new ConcurrentHashMap<>();

  public RequestJournal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a journal keeps at least one entry, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** The number the next entry gets. */
  public long nextSequence() {
    return sequences.incrementAndGet();
  }

  /** Adds an entry to its provider's journal, dropping the oldest when full. */
  public void record(JournalEntry entry) {
    Deque<JournalEntry> entries = byAse.computeIfAbsent(entry.ase(), a -> new ArrayDeque<>());
    synchronized (entries) {
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(entry);
    }
  }

  /**
   * A provider's newest entries first.
   *
   * @param limit at most this many
   * @param refusedOnly only refused requests
   */
  public List<JournalEntry> recent(String ase, int limit, boolean refusedOnly) {
    Deque<JournalEntry> entries = byAse.get(ase);
    if (entries == null) {
      return List.of();
    }
    List<JournalEntry> result = new ArrayList<>();
    synchronized (entries) {
      for (Iterator<JournalEntry> it = entries.descendingIterator();
          it.hasNext() && result.size() < limit; ) {
        JournalEntry entry = it.next();
        if (!refusedOnly || entry.refused()) {
          result.add(entry);
        }
      }
    }
    return result;
  }

  /** A provider's entry by its sequence, while the journal keeps it. */
  public Optional<JournalEntry> find(String ase, long sequence) {
    Deque<JournalEntry> entries = byAse.get(ase);
    if (entries == null) {
      return Optional.empty();
    }
    synchronized (entries) {
      for (JournalEntry entry : entries) {
        if (entry.sequence() == sequence) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  /** How many entries each provider keeps. */
  public int capacity() {
    return capacity;
  }

  /** Empties every journal (sandbox reset). */
  public void clear() {
    byAse.clear();
  }
}
