package dev.opkit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL part: the journeys load on a sandbox keeping its state in memory and, in the same
 * run, on one keeping it in an embedded PostgreSQL ({@code --data-dir}), one after the other with
 * the same settings; and what each payment costs the database in rows, table bytes and WAL bytes.
 */
final class PostgresRun {
  private final SandboxLauncher launcher;
  private final LoadSettings settings;
  private final Path work;
  private final PrintStream progress;

  PostgresRun(SandboxLauncher launcher, LoadSettings settings, Path work, PrintStream progress) {
    this.launcher = launcher;
    this.settings = settings;
    this.work = work;
    this.progress = progress;
  }

  /** Both runs, and the database's cost per payment over the measured PostgreSQL one. */
  record Figures(JourneyRun.Figures memory, JourneyRun.Figures postgres, Cost cost) {}

  /**
   * What the database held more after the measured run.
   *
   * @param payments outgoing payments made (one per journey)
   * @param rows rows more, over every table
   * @param tableBytes bytes more, tables with their indexes and TOAST
   * @param walBytes write-ahead log written
   */
  record Cost(long payments, long rows, long tableBytes, long walBytes) {
    double per(long total) {
      return payments == 0 ? 0 : total / (double) payments;
    }
  }

  Figures run() throws InterruptedException {
    progress.println("postgres: journeys on a sandbox in memory");
    JourneyRun.Figures memory;
    try (SandboxLauncher.Started sandbox = launcher.start("journeys-memory")) {
      memory = JourneyRun.journeys(sandbox, settings);
    }
    Path data = work.resolve("journeys-postgres-data");
    deleteTree(data);
    progress.println("postgres: the same journeys on a sandbox with --data-dir " + data);
    try (SandboxLauncher.Started sandbox =
        launcher.start("journeys-postgres", List.of("--data-dir", data.toString()))) {
      String url = "jdbc:postgresql://localhost:" + port(data) + "/postgres";
      Snapshot before = Snapshot.of(url);
      JourneyRun.Figures postgres = JourneyRun.journeys(sandbox, settings);
      Snapshot after = Snapshot.of(url);
      return new Figures(memory, postgres, after.minus(before));
    }
  }

  /** The embedded server's port, from its {@code postmaster.pid} (its fourth line). */
  private static int port(Path data) {
    try {
      return Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the sandbox's tables hold at one moment, and the WAL position. */
  private record Snapshot(long payments, long rows, long bytes, String walPosition, String url) {
    static Snapshot of(String url) {
      try (Connection connection = DriverManager.getConnection(url, "postgres", null);
          Statement statement = connection.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet found =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history'")) {
          while (found.next()) {
            tables.add(found.getString(1));
          }
        }
        long rows = 0;
        long bytes = 0;
        for (String table : tables) {
          rows += number(statement, "SELECT count(*) FROM " + table);
          bytes += number(statement, "SELECT pg_total_relation_size('" + table + "')");
        }
        long payments = number(statement, "SELECT count(*) FROM outgoing_payments");
        String wal;
        try (ResultSet position = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
          position.next();
          wal = position.getString(1);
        }
        return new Snapshot(payments, rows, bytes, wal, url);
      } catch (SQLException e) {
        throw new JourneyFailure("the sandbox's database could not be read: " + e.getMessage());
      }
    }

    Cost minus(Snapshot before) {
      try (Connection connection = DriverManager.getConnection(url, "postgres", null);
          Statement statement = connection.createStatement()) {
        long wal =
            number(
                statement,
                "SELECT pg_wal_lsn_diff('"
                    + walPosition
                    + "', '"
                    + before.walPosition
                    + "')::bigint");
        return new Cost(payments - before.payments, rows - before.rows, bytes - before.bytes, wal);
      } catch (SQLException e) {
        throw new JourneyFailure("the sandbox's database could not be read: " + e.getMessage());
      }
    }

    private static long number(Statement statement, String sql) throws SQLException {
      try (ResultSet result = statement.executeQuery(sql)) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
