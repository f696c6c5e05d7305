package dev.opkit.mock.store.memory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The newest entries of one log by sequence, bounded: the oldest give way. Appends come from one
 * writer at a time (the session's), reads from anyone.
 */
final class BoundedLog<T> {
  private final int capacity;
  private final ConcurrentSkipListMap<Long, T> entries = new ConcurrentSkipListMap<>();
  private volatile long last;
  // Written by the one writer only; the skip list's own size() walks every entry.
  private int size;

  /**
   * @param capacity how many entries it keeps
   * @param last the sequence it continues after (0 for a new log)
   */
  BoundedLog(int capacity, long last) {
    this.capacity = capacity;
    this.last = last;
  }

  void append(long sequence, T entry) {
    if (entries.put(sequence, entry) == null) {
      size++;
    }
    last = sequence;
    while (size > capacity) {
      entries.pollFirstEntry();
      size--;
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
    return last;
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
