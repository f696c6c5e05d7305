package dev.opkit.mock.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A session's request journals, inside a transaction: bounded per provider, numbered across the
 * session, with the signed requests seen lately (to tell a possible replay).
 */
public interface JournalStore {
  /** A number larger than any entry of the session had before (gaps allowed). */
  long nextSequence();

  /**
   * Adds an entry (numbered with {@link #nextSequence}), dropping its provider's oldest when full.
   */
  void append(JournalEntry entry);

  /**
   * Notes that a verified request with this fingerprint arrived, valid until {@code validUntil}.
   *
   * @param now real time
   * @param first what to remember about it when it is the first sighting
   * @return the earlier sighting when the same request arrived before and is still valid at {@code
   *     now}
   */
  Optional<PossibleReplay> sight(
      String fingerprint, Instant now, Instant validUntil, PossibleReplay first);

  /**
   * Adds a request of the client and its answer (numbered with {@link #nextSequence}), dropping its
   * provider's oldest when full.
   */
  void exchanged(ClientExchange exchange);

  /** Adds what a misbehaviour did (numbered with {@link #nextSequence}), the oldest giving way. */
  void fired(MisbehaviourFiring firing);
}
