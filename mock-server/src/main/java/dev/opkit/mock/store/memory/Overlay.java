package dev.opkit.mock.store.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A transaction's own versions of some rows of a table, in the order they were written, in front of
 * the committed rows: reads inside the transaction see its writes, nobody else does until {@link
 * #forEach} applies them at commit.
 */
final class Overlay<K, V> {
  private final Map<K, V> committed;
  private Map<K, V> written;

  Overlay(Map<K, V> committed) {
    this.committed = committed;
  }

  V get(K key) {
    if (written != null) {
      V mine = written.get(key);
      if (mine != null) {
        return mine;
      }
    }
    return committed.get(key);
  }

  void put(K key, V value) {
    if (written == null) {
      written = new LinkedHashMap<>();
    }
    written.put(key, value);
  }

  /** The rows written, oldest write first. */
  void forEach(BiConsumer<K, V> action) {
    if (written != null) {
      written.forEach(action);
    }
  }

  /** The rows written, to search among them. */
  Iterable<V> writtenValues() {
    return written == null ? java.util.List.of() : written.values();
  }
}
