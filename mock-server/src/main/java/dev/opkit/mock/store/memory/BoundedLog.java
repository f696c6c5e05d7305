package dev.opkit.mock.store.memory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The newest entries of one log by sequence, bounded: the oldest give way. Anyone may append and
 * read at the same time.
 */
final class BoundedLog<T> {
  private final int capacity;
  private final ConcurrentSkipListMap<Long, T> entries = new ConcurrentSkipListMap<>();
  private final AtomicLong last;
  // The skip list's own size() walks every entry.
  private final AtomicInteger size = new AtomicInteger();

  /**
   * @param capacity how many entries it keeps
   * @param last the sequence it continues after (0 for a new log)
   */
  BoundedLog(int capacity, long last) {
    this.capacity = capacity;
    this.last = new AtomicLong(last);
  }

  void append(long sequence, T entry) {
    if (entries.put(sequence, entry) == null) {
      size.incrementAndGet();
    }
    last.accumulateAndGet(sequence, Math::max);
    // Each eviction is claimed on the count first, so appends evicting at once take one entry
    // each: the log never keeps fewer than its capacity. The count trails the entries (it grows
    // after a put and shrinks before a poll), so a claimed poll always finds an entry.
    for (int kept = size.get(); kept > capacity; kept = size.get()) {
      if (size.compareAndSet(kept, kept - 1)) {
        entries.pollFirstEntry();
      }
    }
  }

  /** Replaces the entry with {@code sequence}, if the log still keeps it. */
  void replace(long sequence, UnaryOperator<T> change) {
    entries.computeIfPresent(sequence, (key, entry) -> change.apply(entry));
  }

  /** The entry with {@code sequence}, while the log keeps it. */
  Optional<T> get(long sequence) {
    return Optional.ofNullable(entries.get(sequence));
  }

  long last() {
    return last.get();
  }

  /** Up to {@code limit} entries after {@code sequence}, oldest first. */
  List<T> after(long sequence, int limit) {
    List<T> page = new ArrayList<>(Math.min(limit, 64));
    for (Iterator<T> it = entries.tailMap(sequence, false).values().iterator();
        it.hasNext() && page.size() < limit; ) {
      page.add(it.next());
    }
    return page;
  }

  /** Up to {@code limit} entries that pass {@code filter}, newest first. */
  List<T> newest(int limit, Predicate<T> filter) {
    List<T> page = new ArrayList<>(Math.min(limit, 64));
    for (Iterator<Map.Entry<Long, T>> it = entries.descendingMap().entrySet().iterator();
        it.hasNext() && page.size() < limit; ) {
      T entry = it.next().getValue();
      if (filter.test(entry)) {
        page.add(entry);
      }
    }
    return page;
  }
}
