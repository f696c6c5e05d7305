package dev.opkit.mock.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.UnknownSessionException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's state in PostgreSQL, shared by every sandbox process on the same database. The
 * port's promises hold across processes through the database, not the JVM:
 *
 * <ul>
 *   <li>a {@link #write} locks its session's row ({@code SELECT … FOR UPDATE}) before anything
 *       else, so one session's writes pass one at a time on every node, READ COMMITTED: each
 *       statement after the lock sees every earlier commit;
 *   <li>a {@link #journal} transaction locks the session's row in {@code journal_locks} instead, so
 *       it waits for other journal work only;
 *   <li>{@link #read} runs each statement on its own; {@link #readConsistent} in one REPEATABLE
 *       READ READ ONLY transaction (one snapshot);
 *   <li>a serialization failure or deadlock (SQLState 40001, 40P01) runs the work again, and the
 *       effects of {@link Tx#afterCommit} run once, after COMMIT.
 * </ul>
 *
 * The schema is migrated with Flyway at start ({@code db/postgres} on the classpath).
 */
public final class PostgresStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStorage.class);
  private static final int MAX_ATTEMPTS = 8;
  // A node unheard of this long has stopped; its pending webhooks are another's to send.
  private static final int NODE_STALE_SECONDS = 10;
  // The advisory lock openings of sessions take, so the bound on their number holds.
  private static final long OPENING_LOCK = 0x6f706b69_74000001L;

  private final HikariDataSource pool;
  private final StorageLimits limits;
  private final AutoCloseable server;
  private final String description;
  private final ThreadLocal<SessionId> working = new ThreadLocal<>();
  private final String node = UUID.randomUUID().toString();

  private PostgresStorage(
      HikariDataSource pool, StorageLimits limits, AutoCloseable server, String description) {
    this.description = description;
    this.pool = pool;
    this.limits = limits;
    this.server = server;
  }

  /** A storage factory for the database {@code settings} name (migrated when a sandbox is made). */
  public static Storage.Factory factory(PostgresSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return limits -> open(settings, limits, null, "PostgreSQL " + settings);
  }

  /**
   * Connects to the database, migrates its schema and returns the storage over it.
   *
   * @param server closed with the storage (an embedded server), or null
   * @param description where the state lives, for the banner
   */
  static PostgresStorage open(
      PostgresSettings settings, StorageLimits limits, AutoCloseable server, String description) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sandbox-db");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    if (settings.schema() != null) {
      config.setSchema(settings.schema());
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      var flyway =
          Flyway.configure().dataSource(pool).locations("classpath:db/postgres").loggers("slf4j");
      if (settings.schema() != null) {
        flyway.schemas(settings.schema());
      }
      flyway.load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    PostgresStorage storage = new PostgresStorage(pool, limits, server, description);
    storage.heartbeat();
    return storage;
  }

  @Override
  public boolean open(SessionRecord session, int maxSessions) {
    return inTransaction(
        Connection.TRANSACTION_READ_COMMITTED,
        false,
        sql -> {
          sql.one("SELECT pg_advisory_xact_lock(?)", row -> true, OPENING_LOCK);
          if (sql.number("SELECT count(*) FROM sessions") >= maxSessions) {
            return false;
          }
          if (sql.one("SELECT 1 FROM sessions WHERE id = ?", row -> true, session.id().value())
              .isPresent()) {
            throw new IllegalStateException("the session " + session.id() + " exists already");
          }
          sql.update(
              "INSERT INTO sessions (id, created_at, record) VALUES (?, ?, ?)",
              session.id().value(),
              session.createdAt(),
              Sql.Jsonb.of(session));
          sql.update("INSERT INTO journal_locks (session) VALUES (?)", session.id().value());
          return true;
        });
  }

  @Override
  public boolean discard(SessionId session) {
    return autoCommit(sql -> sql.update("DELETE FROM sessions WHERE id = ?", session.value()) > 0);
  }

  @Override
  public Optional<SessionRecord> session(SessionId session) {
    return autoCommit(sql -> record(sql, session, ""));
  }

  @Override
  public List<SessionRecord> sessions() {
    return autoCommit(
        sql ->
            sql.list(
                "SELECT record FROM sessions ORDER BY created_at, id",
                Sql.record(SessionRecord.class)));
  }

  @Override
  public int sessionCount() {
    return autoCommit(sql -> (int) sql.number("SELECT count(*) FROM sessions"));
  }

  @Override
  public <T> T write(SessionId session, Function<Tx, T> work) {
    refuseNesting(session);
    working.set(session);
    Committed<T> done;
    try {
      done =
          inTransaction(
              Connection.TRANSACTION_READ_COMMITTED,
              false,
              sql -> {
                SessionRecord record =
                    record(sql, session, " FOR UPDATE")
                        .orElseThrow(() -> new UnknownSessionException(session));
                PgTx tx = new PgTx(sql, session, limits, node, record);
                T result = work.apply(tx);
                return new Committed<>(result, tx.effects());
              });
    } finally {
      working.remove();
    }
    for (Runnable effect : done.effects()) {
      try {
        effect.run();
      } catch (RuntimeException e) {
        LOG.error("an effect after a commit in session {} failed", session, e);
      }
    }
    return done.result();
  }

  @Override
  public <T> T journal(SessionId session, Function<JournalStore, T> work) {
    refuseNesting(session);
    working.set(session);
    try {
      return inTransaction(
          Connection.TRANSACTION_READ_COMMITTED,
          false,
          sql -> {
            // The journal is a diagnostic record: its commits need not wait for the disk (a crash
            // of the machine may lose its last entries, never a payment), so journaling every
            // signed request does not double the fsyncs a request waits for.
            sql.update("SET LOCAL synchronous_commit TO off");
            if (sql.one(
                    "SELECT 1 FROM journal_locks WHERE session = ? FOR UPDATE",
                    row -> true,
                    session.value())
                .isEmpty()) {
              throw new UnknownSessionException(session);
            }
            return work.apply(new PgJournal(sql, session.value(), limits.journalPerAse()));
          });
    } finally {
      working.remove();
    }
  }

  @Override
  public <T> T read(SessionId session, Function<Reads, T> work) {
    refuseNesting(session);
    working.set(session);
    try {
      return autoCommit(sql -> work.apply(reads(sql, session)));
    } finally {
      working.remove();
    }
  }

  @Override
  public <T> T readConsistent(SessionId session, Function<Reads, T> work) {
    refuseNesting(session);
    working.set(session);
    try {
      return inTransaction(
          Connection.TRANSACTION_REPEATABLE_READ, true, sql -> work.apply(reads(sql, session)));
    } finally {
      working.remove();
    }
  }

  /**
   * A secret every node of this database shares, made on first use: 32 random bytes kept in {@code
   * sandbox_secrets}.
   */
  @Override
  public byte[] sharedSecret(String name) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return autoCommit(
        sql -> {
          sql.update(
              "INSERT INTO sandbox_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
              name,
              fresh);
          return sql.one(
                  "SELECT value FROM sandbox_secrets WHERE name = ?", row -> row.getBytes(1), name)
              .orElseThrow();
        });
  }

  @Override
  public List<EventRecord> claimWebhooks(SessionId session, int max) {
    return inTransaction(
        Connection.TRANSACTION_READ_COMMITTED,
        false,
        sql ->
            new PgEvents(sql, session.value(), limits.eventsPerAse(), node)
                .claimOrphanedWebhooks(max, NODE_STALE_SECONDS));
  }

  @Override
  public void heartbeat() {
    autoCommit(
        sql ->
            sql.update(
                "INSERT INTO nodes (id, seen_at) VALUES (?, now())"
                    + " ON CONFLICT (id) DO UPDATE SET seen_at = now()",
                node));
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    try {
      // Gone at once: another node takes this one's pending webhooks over without waiting.
      autoCommit(sql -> sql.update("DELETE FROM nodes WHERE id = ?", node));
    } catch (StorageException e) {
      LOG.debug("could not say goodbye to the database", e);
    }
    pool.close();
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("the embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }

  private PgReads reads(Sql sql, SessionId session) {
    SessionRecord record =
        record(sql, session, "").orElseThrow(() -> new UnknownSessionException(session));
    return new PgReads(sql, session, limits, node, record);
  }

  private static Optional<SessionRecord> record(Sql sql, SessionId session, String lock) {
    return sql.one(
        "SELECT record FROM sessions WHERE id = ?" + lock,
        Sql.record(SessionRecord.class),
        session.value());
  }

  private void refuseNesting(SessionId session) {
    if (session.equals(working.get())) {
      throw new IllegalStateException(
          "work of session " + session + " started another read or write of it; pass its Tx on");
    }
  }

  private <T> T autoCommit(Function<Sql, T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.apply(new Sql(connection));
    } catch (SQLException e) {
      throw new StorageException("the database is out of reach", e);
    }
  }

  /** Runs {@code work} in one transaction, again after a serialization failure or deadlock. */
  private <T> T inTransaction(int isolation, boolean readOnly, Function<Sql, T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(isolation);
        connection.setReadOnly(readOnly);
        try {
          T result = work.apply(new Sql(connection));
          connection.commit();
          return result;
        } catch (RuntimeException | SQLException e) {
          rollback(connection);
          if (attempt < MAX_ATTEMPTS && retryable(e)) {
            LOG.debug(
                "transaction attempt {} failed ({}); running it again", attempt, e.toString());
            continue;
          }
          throw e;
        }
      } catch (SQLException e) {
        throw new StorageException("the database failed a transaction", e);
      }
    }
  }

  private static boolean retryable(Exception e) {
    if (e instanceof StorageException storage) {
      return storage.retryable();
    }
    if (e instanceof SQLException sql) {
      return "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState());
    }
    return false;
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debug("a rollback failed", e);
    }
  }

  /** A write's result and the effects to run now that it committed. */
  private record Committed<T>(T result, List<Runnable> effects) {}
}
