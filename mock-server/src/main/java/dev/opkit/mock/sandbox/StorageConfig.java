package dev.opkit.mock.sandbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.memory.InMemoryStorage;
import dev.opkit.mock.store.postgres.EmbeddedDatabase;
import dev.opkit.mock.store.postgres.PostgresSettings;
import dev.opkit.mock.store.postgres.PostgresStorage;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a sandbox keeps its state (config-file key {@code storage}): in memory, lost at stop (the
 * default); in a PostgreSQL database ({@code dbUrl}, user and password from the environment
 * variables {@value PostgresSettings#USER_VARIABLE} and {@value
 * PostgresSettings#PASSWORD_VARIABLE}); or in an embedded PostgreSQL whose files are in {@code
 * dataDir}. The PostgreSQL classes are loaded only when one of the two is set.
 *
 * @param dbUrl a {@code jdbc:postgresql://host/database} URL, or null
 * @param dataDir the embedded database's directory, or null
 */
public record StorageConfig(String dbUrl, Path dataDir) {
  /** The default: every session in memory. */
  public static final StorageConfig IN_MEMORY = new StorageConfig(null, null);

  @JsonCreator
  public StorageConfig(@JsonProperty("dbUrl") String dbUrl, @JsonProperty("dataDir") Path dataDir) {
    this.dbUrl = dbUrl == null || dbUrl.isBlank() ? null : dbUrl;
    this.dataDir = dataDir;
    if (this.dbUrl != null && dataDir != null) {
      throw new IllegalArgumentException(
          "storage takes a database URL (dbUrl, --db-url) or a data directory (dataDir,"
              + " --data-dir), not both");
    }
    if (this.dbUrl != null && !this.dbUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "a database URL starts with jdbc:postgresql:, e.g. jdbc:postgresql://localhost/sandbox;"
              + " got '"
              + this.dbUrl
              + "'");
    }
  }

  public static StorageConfig database(String url) {
    return new StorageConfig(url, null);
  }

  public static StorageConfig dataDirectory(Path dir) {
    return new StorageConfig(null, dir);
  }

  /** Whether the state outlives the process. */
  public boolean durable() {
    return dbUrl != null || dataDir != null;
  }

  /** The storage this names; {@code env} gives the database user and password. */
  Storage.Factory factory(Map<String, String> env) {
    if (dbUrl != null) {
      return PostgresStorage.factory(PostgresSettings.fromEnvironment(dbUrl, env));
    }
    if (dataDir != null) {
      return EmbeddedDatabase.inDirectory(dataDir);
    }
    return InMemoryStorage::new;
  }
}
