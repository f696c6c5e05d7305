package dev.opkit.mock.resource;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.store.PageQuery;
import java.util.Optional;
import java.util.UUID;

/**
 * Cursor pagination of the resource server's lists (spec parameters {@code first}, {@code last},
 * {@code cursor}; PROTOCOL.md §7): lists are newest first; {@code first} takes items after the
 * cursor (older), {@code last} takes items before it (newer) and needs a cursor. Cursors are the
 * resources' UUIDs.
 *
 * @param size how many items, 1 to 100
 * @param backward true for {@code last}
 * @param cursor the UUID to page from, or null for the newest items
 */
public record PageRequest(int size, boolean backward, UUID cursor) {
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** The newest {@value #DEFAULT_SIZE} items. */
  public static PageRequest firstPage() {
    return new PageRequest(DEFAULT_SIZE, false, null);
  }

  /** The store's query for this page. */
  public PageQuery query() {
    return new PageQuery(size, backward, cursor);
  }

  public Optional<UUID> cursorId() {
    return Optional.ofNullable(cursor);
  }

  /**
   * Reads the query parameters.
   *
   * @throws ApiException 400 naming the parameter that is wrong
   */
  public static PageRequest parse(String first, String last, String cursor) {
    if (first != null && last != null) {
      throw ApiException.badRequest("use either 'first' or 'last', not both");
    }
    UUID cursorId = null;
    if (cursor != null) {
      try {
        cursorId = UUID.fromString(cursor);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "'cursor' must be the id (UUID) of an item of an earlier page, got '" + cursor + "'");
      }
    }
    if (last != null) {
      if (cursorId == null) {
        throw ApiException.badRequest("'last' pages backwards from a cursor: add 'cursor'");
      }
      return new PageRequest(size("last", last), true, cursorId);
    }
    return new PageRequest(first == null ? DEFAULT_SIZE : size("first", first), false, cursorId);
  }

  private static int size(String name, String value) {
    int size;
    try {
      size = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'" + name + "' must be a whole number from 1 to " + MAX_SIZE + ", got '" + value + "'");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.badRequest(
          "'" + name + "' must be from 1 to " + MAX_SIZE + ", got " + size);
    }
    return size;
  }
}
