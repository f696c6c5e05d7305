package dev.opkit.mock.store;

import java.util.List;
import java.util.Set;

/** Reading a session's event logs, one per provider, each bounded (the oldest give way). */
public interface EventReads {
  /** Up to {@code limit} events of a provider with a sequence greater than {@code after}. */
  List<EventRecord> after(String ase, long after, int limit);

  /** Up to {@code limit} of a provider's newest events of the given types, newest first. */
  List<EventRecord> newest(String ase, int limit, Set<EventType> types);

  /** The sequence of a provider's newest event, 0 when none happened yet. */
  long lastSequence(String ase);
}
