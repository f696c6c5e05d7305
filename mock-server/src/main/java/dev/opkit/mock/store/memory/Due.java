package dev.opkit.mock.store.memory;

import java.util.Comparator;
import java.util.UUID;

/**
 * A payment waiting for a time (an incoming payment's expiry, a delayed settlement), ordered by
 * that time and then by creation.
 */
record Due(long atMillis, long sequence, UUID id) implements Comparable<Due> {
  private static final Comparator<Due> ORDER =
      Comparator.comparingLong(Due::atMillis)
          .thenComparingLong(Due::sequence)
          .thenComparing(Due::id);

  @Override
  public int compareTo(Due other) {
    return ORDER.compare(this, other);
  }
}
