package dev.opkit.mock.store;

import java.time.Instant;
import java.util.Objects;

/**
 * When the same signed request was first seen, for the journal.
 *
 * @param note what it means, in words
 * @param firstSeen when it first arrived (real time)
 * @param firstSequence its entry in the request journal
 */
public record PossibleReplay(String note, Instant firstSeen, long firstSequence) {
  public PossibleReplay {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(firstSeen, "firstSeen");
  }
}
