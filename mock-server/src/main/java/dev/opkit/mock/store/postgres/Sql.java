package dev.opkit.mock.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Statements on one connection, with the JDBC plumbing in one place: parameters bound by type (a
 * {@link Jsonb} as JSONB, an {@link Instant} as a timestamp, a {@code String[]} as a text array,
 * null as an untyped null the statement casts), rows read by a {@link Row}, failures as {@link
 * StorageException}.
 */
final class Sql {
  private final Connection connection;

  Sql(Connection connection) {
    this.connection = connection;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** A parameter to bind as JSONB. */
  record Jsonb(String json) {
    static Jsonb of(Object record) {
      return new Jsonb(StoreJson.write(record));
    }
  }

  /** Reads the first column as a stored record. */
  static <T> Row<T> record(Class<T> type) {
    return row -> StoreJson.read(row.getString(1), type);
  }

  <T> List<T> list(String sql, Row<T> reader, Object... params) {
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(reader.read(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  <T> Optional<T> one(String sql, Row<T> reader, Object... params) {
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  long number(String sql, Object... params) {
    return one(sql, row -> row.getLong(1), params).orElse(0L);
  }

  int update(String sql, Object... params) {
    try (PreparedStatement statement = prepare(sql, params)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        bind(statement, i + 1, params[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else if (value instanceof Boolean flag) {
      statement.setBoolean(index, flag);
    } else if (value instanceof UUID id) {
      statement.setObject(index, id);
    } else if (value instanceof Instant instant) {
      statement.setTimestamp(index, Timestamp.from(instant));
    } else if (value instanceof Jsonb jsonb) {
      statement.setObject(index, jsonb.json(), Types.OTHER);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof String[] texts) {
      statement.setArray(index, connection.createArrayOf("text", texts));
    } else {
      throw new IllegalArgumentException("no binding for " + value.getClass().getName());
    }
  }
}
