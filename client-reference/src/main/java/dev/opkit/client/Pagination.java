package dev.opkit.client;

/**
 * Which page of a list to fetch (resource-server {@code first}, {@code last} and {@code cursor}
 * query parameters): the first n items after a cursor, or the last n items before one. A cursor is
 * a resource id from a previous page's {@code pagination}.
 *
 * @param first how many items after the cursor, or null
 * @param last how many items before the cursor, or null
 * @param cursor the cursor, or null to start at the newest item
 */
public record Pagination(Integer first, Integer last, String cursor) {
  /** The server's default page: no parameters. */
  public static final Pagination DEFAULT = new Pagination(null, null, null);

  public Pagination {
    if (first != null && last != null) {
      throw new IllegalArgumentException("give first or last, not both");
    }
    if (last != null && cursor == null) {
      throw new IllegalArgumentException("last needs a cursor: the items before which one?");
    }
  }

  /** The newest {@code count} items. */
  public static Pagination first(int count) {
    return new Pagination(count, null, null);
  }

  /** The {@code count} items after {@code cursor}. */
  public static Pagination first(int count, String cursor) {
    return new Pagination(count, null, cursor);
  }

  /** The {@code count} items before {@code cursor}. */
  public static Pagination last(int count, String cursor) {
    return new Pagination(null, count, cursor);
  }
}
