package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/**
 * Where a sandbox keeps its state: every session's stores, and the {@link Transactions} port over
 * them. The in-memory implementation is the default; a database implements the same interfaces.
 */
public interface Storage extends Transactions {
  /**
   * Opens the stores of a new session, empty but for its record, unless {@code maxSessions} exist
   * already (counted atomically with the opening, so concurrent openings never pass the bound).
   *
   * @return false when the bound was reached and nothing was opened
   * @throws IllegalStateException when a session with this id exists
   */
  boolean open(SessionRecord session, int maxSessions);

  /** Discards a session and everything in it; false when there was none. */
  boolean discard(SessionId session);

  /** A session's record, if the session exists. */
  Optional<SessionRecord> session(SessionId session);

  /** Every session, oldest first. */
  List<SessionRecord> sessions();

  /** How many sessions exist. */
  int sessionCount();

  /** Makes a storage for a sandbox. */
  @FunctionalInterface
  interface Factory {
    Storage create(StorageLimits limits);
  }
}
