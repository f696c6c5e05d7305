package dev.opkit.mock.testing;

import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.memory.InMemoryStorage;
import dev.opkit.mock.store.postgres.EmbeddedDatabase;
import dev.opkit.mock.store.postgres.PostgresSettings;
import dev.opkit.mock.store.postgres.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storage the tests' sandboxes use: in memory, or with {@code -Dopkit.test.storage=postgres}
 * (the build's second test run) PostgreSQL: one embedded server for the whole test JVM, started on
 * first use, and a fresh schema for every sandbox.
 */
public final class TestStorage {
  /** The system property that picks the storage: {@code memory} (default) or {@code postgres}. */
  public static final String PROPERTY = "opkit.test.storage";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestStorage() {}

  /** Whether this test run keeps the sandboxes' state in PostgreSQL. */
  public static boolean postgres() {
    return "postgres".equals(System.getProperty(PROPERTY, "memory"));
  }

  /** A fresh storage for one sandbox, of the kind this run tests. */
  public static Storage.Factory factory() {
    return postgres() ? PostgresStorage.factory(freshSchema()) : InMemoryStorage::new;
  }

  /**
   * A schema of its own on the JVM's embedded PostgreSQL, nothing in it yet: give it to several
   * sandboxes (one after the other, or side by side as the nodes of one sandbox).
   */
  public static PostgresSettings freshSchema() {
    return new PostgresSettings(
        server().getJdbcUrl("postgres", "postgres"),
        "postgres",
        null,
        "sandbox_" + SCHEMAS.incrementAndGet(),
        8);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("opkit-test-postgres");
        server = EmbeddedDatabase.start(dir, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM is going; the server's directory is a temporary one.
                    }
                  },
                  "test-postgres-stop"));
    }
    return server;
  }
}
