package dev.opkit.mock.store;

import java.util.List;

/** Reading a session's request journals, one per provider, each bounded. */
public interface JournalReads {
  /**
   * A provider's newest entries first.
   *
   * @param limit at most this many
   * @param refusedOnly only refused requests
   */
  List<JournalEntry> recent(String ase, int limit, boolean refusedOnly);
}
