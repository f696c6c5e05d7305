package dev.opkit.mock.store.postgres;

import java.util.Objects;

/**
 * Where a sandbox's PostgreSQL database is and how to log in.
 *
 * @param url a {@code jdbc:postgresql://host[:port]/database} URL
 * @param user the user, or null for the driver's default
 * @param password the password, or null; never printed ({@link #toString})
 * @param schema the schema that holds the tables (made when missing), or null for the default
 * @param poolSize how many connections the sandbox keeps open at most
 */
public record PostgresSettings(
    String url, String user, String password, String schema, int poolSize) {
  /** Environment variable with the database user, for {@code --db-url}. */
  public static final String USER_VARIABLE = "OPKIT_DB_USER";

  /** Environment variable with the database password, for {@code --db-url}. */
  public static final String PASSWORD_VARIABLE = "OPKIT_DB_PASSWORD";

  /** Connections a sandbox keeps open at most, unless told otherwise. */
  public static final int DEFAULT_POOL_SIZE = 10;

  public PostgresSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "a database URL starts with jdbc:postgresql:, e.g. jdbc:postgresql://localhost/sandbox");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("the pool holds at least one connection");
    }
  }

  /** The URL, with the user and password from the environment ({@link #USER_VARIABLE}, …). */
  public static PostgresSettings fromEnvironment(String url, java.util.Map<String, String> env) {
    return new PostgresSettings(
        url, env.get(USER_VARIABLE), env.get(PASSWORD_VARIABLE), null, DEFAULT_POOL_SIZE);
  }

  public PostgresSettings withSchema(String name) {
    return new PostgresSettings(url, user, password, name, poolSize);
  }

  public PostgresSettings withPoolSize(int size) {
    return new PostgresSettings(url, user, password, schema, size);
  }

  @Override
  public String toString() {
    return url + (user == null ? "" : " as " + user) + (schema == null ? "" : ", schema " + schema);
  }
}
