package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.JournalReads;
import dev.opkit.mock.store.JournalStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** A session's request journals, one per provider, numbered across the session. */
final class MemoryJournal implements JournalReads {
  private final int capacity;
  private final AtomicLong numbers;
  private final ConcurrentMap<String, BoundedLog<JournalEntry>> logs = new ConcurrentHashMap<>();

  MemoryJournal(int capacity) {
    this(capacity, new AtomicLong());
  }

  /** Empty journals that go on numbering after {@code previous}'s. */
  MemoryJournal(MemoryJournal previous) {
    this(previous.capacity, previous.numbers);
  }

  private MemoryJournal(int capacity, AtomicLong numbers) {
    this.capacity = capacity;
    this.numbers = numbers;
  }

  @Override
  public List<JournalEntry> recent(String ase, int limit, boolean refusedOnly) {
    BoundedLog<JournalEntry> log = logs.get(ase);
    return log == null ? List.of() : log.newest(limit, e -> !refusedOnly || e.refused());
  }

  Writes writes() {
    return new Writes();
  }

  /** The entries one transaction adds. */
  final class Writes implements JournalStore, Pending {
    private final List<JournalEntry> appended = new ArrayList<>();

    @Override
    public JournalEntry append(JournalEntry entry) {
      JournalEntry numbered = entry.withSequence(numbers.incrementAndGet());
      appended.add(numbered);
      return numbered;
    }

    @Override
    public void commit() {
      for (JournalEntry entry : appended) {
        logs.computeIfAbsent(entry.ase(), a -> new BoundedLog<>(capacity, 0))
            .append(entry.sequence(), entry);
      }
    }
  }
}
