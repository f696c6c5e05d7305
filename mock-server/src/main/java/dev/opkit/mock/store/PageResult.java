package dev.opkit.mock.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest first, with what the spec's {@code page-info} needs.
 *
 * @param items the items
 * @param hasNextPage whether older items follow the last one
 * @param hasPreviousPage whether newer items precede the first one
 */
public record PageResult<T>(List<T> items, boolean hasNextPage, boolean hasPreviousPage) {
  public PageResult {
    items = List.copyOf(items);
  }

  public <R> PageResult<R> map(Function<T, R> mapper) {
    return new PageResult<>(items.stream().map(mapper).toList(), hasNextPage, hasPreviousPage);
  }
}
