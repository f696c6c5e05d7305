package dev.opkit.mock.store.postgres;

import java.sql.SQLException;

/** The database failed a statement (unreachable, a constraint broken, a bug in the SQL). */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  StorageException(String what, SQLException cause) {
    super(what + ": " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    this.sqlState = cause.getSQLState();
  }

  /** Whether running the transaction again may succeed: a serialization failure or a deadlock. */
  boolean retryable() {
    return "40001".equals(sqlState) || "40P01".equals(sqlState);
  }
}
