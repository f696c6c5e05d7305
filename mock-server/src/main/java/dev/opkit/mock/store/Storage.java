package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/**
 * Where a sandbox keeps its state: every session's stores, and the {@link Transactions} port over
 * them. The in-memory implementation is the default; a database implements the same interfaces.
 */
public interface Storage extends Transactions, AutoCloseable {
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

  /**
   * A secret every process on this storage shares (the consent pages' key), made on first use and
   * the same for every later call with {@code name}.
   */
  byte[] sharedSecret(String name);

  /**
   * Takes over, for this process, up to {@code max} pending webhook deliveries of the session that
   * no running process is sending (their sender stopped or died): each is returned to one caller
   * only. Storage that lives and dies with its process has none.
   */
  default List<EventRecord> claimWebhooks(SessionId session, int max) {
    return List.of();
  }

  /**
   * Tells other processes on this storage that this one is alive (and sending its webhooks); call
   * it every second or so.
   */
  default void heartbeat() {}

  /** Where the state lives, in words for the banner (never a password). */
  String describe();

  /** Lets go of what the storage holds (connections, an embedded server); the state stays. */
  @Override
  default void close() {}

  /** Makes a storage for a sandbox. */
  @FunctionalInterface
  interface Factory {
    Storage create(StorageLimits limits);
  }
}
