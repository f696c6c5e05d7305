package dev.opkit.mock.store;

import java.util.UUID;

/**
 * One page of a wallet's resources as a store reads it (lists are newest first): {@code size} items
 * after the cursor (older), or before it (newer) when {@code backward}.
 *
 * @param size how many items, at least 1
 * @param backward true to page towards newer items; needs a cursor
 * @param cursor the id of the item to page from, or null for the newest items
 */
public record PageQuery(int size, boolean backward, UUID cursor) {
  public PageQuery {
    if (size < 1) {
      throw new IllegalArgumentException("a page holds at least one item");
    }
    if (backward && cursor == null) {
      throw new IllegalArgumentException("paging backwards needs a cursor");
    }
  }
}
