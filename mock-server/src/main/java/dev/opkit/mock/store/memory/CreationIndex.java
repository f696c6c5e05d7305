package dev.opkit.mock.store.memory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The ids of each group's resources (a wallet's, or a wallet's and a client's) ordered by creation
 * sequence, so a page costs O(log n + page size) however many resources a group has.
 *
 * @param <K> what resources are grouped by
 */
final class CreationIndex<K> {
  private final ConcurrentMap<K, ConcurrentSkipListMap<Long, UUID>> groups =
      new ConcurrentHashMap<>();

  void add(K group, long sequence, UUID id) {
    groups.computeIfAbsent(group, g -> new ConcurrentSkipListMap<>()).put(sequence, id);
  }

  void remove(K group, long sequence) {
    ConcurrentSkipListMap<Long, UUID> ids = groups.get(group);
    if (ids != null) {
      ids.remove(sequence);
    }
  }

  /**
   * A page of one group's ids, newest first.
   *
   * @param cursorSequence the sequence of the cursor item, or null for no cursor
   */
  IdPage page(K group, int size, boolean backward, Long cursorSequence) {
    Objects.requireNonNull(group, "group");
    ConcurrentSkipListMap<Long, UUID> all = groups.get(group);
    if (all == null) {
      return new IdPage(List.of(), false, false);
    }
    if (backward) {
      // Newer than the cursor, nearest first; shown newest first like every page.
      NavigableMap<Long, UUID> newer = all.tailMap(cursorSequence, false);
      List<Map.Entry<Long, UUID>> taken = take(newer.entrySet().iterator(), size);
      List<UUID> ids = new ArrayList<>(taken.size());
      for (int i = taken.size() - 1; i >= 0; i--) {
        ids.add(taken.get(i).getValue());
      }
      boolean hasPrevious =
          !taken.isEmpty() && all.higherKey(taken.get(taken.size() - 1).getKey()) != null;
      return new IdPage(ids, true, hasPrevious);
    }
    NavigableMap<Long, UUID> older =
        cursorSequence == null
            ? all.descendingMap()
            : all.headMap(cursorSequence, false).descendingMap();
    List<Map.Entry<Long, UUID>> taken = take(older.entrySet().iterator(), size);
    boolean hasNext =
        !taken.isEmpty() && all.lowerKey(taken.get(taken.size() - 1).getKey()) != null;
    boolean hasPrevious = cursorSequence != null && all.ceilingKey(cursorSequence) != null;
    return new IdPage(taken.stream().map(Map.Entry::getValue).toList(), hasNext, hasPrevious);
  }

  private static List<Map.Entry<Long, UUID>> take(Iterator<Map.Entry<Long, UUID>> it, int size) {
    List<Map.Entry<Long, UUID>> taken = new ArrayList<>(size);
    while (it.hasNext() && taken.size() < size) {
      taken.add(it.next());
    }
    return taken;
  }

  /** A page of ids with its page-info flags. */
  record IdPage(List<UUID> ids, boolean hasNextPage, boolean hasPreviousPage) {}
}
