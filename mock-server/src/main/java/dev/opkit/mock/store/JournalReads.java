package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/** Reading a session's request journals, one per provider, each bounded. */
public interface JournalReads {
  /**
   * A provider's newest entries first.
   *
   * @param limit at most this many
   * @param refusedOnly only refused requests
   */
  List<JournalEntry> recent(String ase, int limit, boolean refusedOnly);

  /** A provider's entry by its sequence, while the journal keeps it. */
  Optional<JournalEntry> find(String ase, long sequence);

  /** A provider's requests of the client and their answers, oldest first, as far as kept. */
  List<ClientExchange> exchanges(String ase);

  /** What the session's misbehaviours did, oldest first, as far as kept. */
  List<MisbehaviourFiring> firings();
}
