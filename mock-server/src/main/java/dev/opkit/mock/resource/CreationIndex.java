package dev.opkit.mock.resource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The resources of each wallet (and of each wallet and client) ordered by creation sequence, so a
 * page costs O(log n + page size) however many resources a wallet has.
 *
 * @param <K> what resources are grouped by (a wallet, or a wallet and a client)
 * @param <T> the resource
 */
public final class CreationIndex<K, T> {
  private final ConcurrentMap<K, ConcurrentSkipListMap<Long, T>> groups = new ConcurrentHashMap<>();

  /** Adds a resource under its group with its creation sequence. */
  public void add(K group, long sequence, T item) {
    groups.computeIfAbsent(group, g -> new ConcurrentSkipListMap<>()).put(sequence, item);
  }

  /**
   * A page of one group, newest first.
   *
   * @param cursorSequence the sequence of the cursor item, or null for no cursor
   */
  public PageResult<T> page(K group, int size, boolean backward, Long cursorSequence) {
    Objects.requireNonNull(group, "group");
    ConcurrentSkipListMap<Long, T> all = groups.get(group);
    if (all == null) {
      return new PageResult<>(List.of(), false, false);
    }
    if (backward) {
      // Newer than the cursor, nearest first; shown newest first like every page.
      NavigableMap<Long, T> newer = all.tailMap(cursorSequence, false);
      List<Map.Entry<Long, T>> taken = take(newer.entrySet().iterator(), size);
      List<T> items = new ArrayList<>(taken.size());
      for (int i = taken.size() - 1; i >= 0; i--) {
        items.add(taken.get(i).getValue());
      }
      boolean hasPrevious =
          !taken.isEmpty() && all.higherKey(taken.get(taken.size() - 1).getKey()) != null;
      return new PageResult<>(items, true, hasPrevious);
    }
    NavigableMap<Long, T> older =
        cursorSequence == null
            ? all.descendingMap()
            : all.headMap(cursorSequence, false).descendingMap();
    List<Map.Entry<Long, T>> taken = take(older.entrySet().iterator(), size);
    boolean hasNext =
        !taken.isEmpty() && all.lowerKey(taken.get(taken.size() - 1).getKey()) != null;
    boolean hasPrevious = cursorSequence != null && all.ceilingKey(cursorSequence) != null;
    return new PageResult<>(taken.stream().map(Map.Entry::getValue).toList(), hasNext, hasPrevious);
  }

  /** Removes a resource from its group; an emptied group stays (it is small and may refill). */
  public void remove(K group, long sequence) {
    ConcurrentSkipListMap<Long, T> all = groups.get(group);
    if (all != null) {
      all.remove(sequence);
    }
  }

  public void clear() {
    groups.clear();
  }

  private static <T> List<Map.Entry<Long, T>> take(Iterator<Map.Entry<Long, T>> it, int size) {
    List<Map.Entry<Long, T>> taken = new ArrayList<>(size);
    while (it.hasNext() && taken.size() < size) {
      taken.add(it.next());
    }
    return taken;
  }
}
