package dev.opkit.mock.store;

/** Reading a session's own record. */
public interface SessionReads {
  /** The session's record as last committed. */
  SessionRecord record();
}
