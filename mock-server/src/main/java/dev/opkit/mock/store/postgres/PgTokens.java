package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.TokenReads;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.TokenStore;
import java.util.List;
import java.util.Optional;

/**
 * A session's access tokens in the {@code tokens} table: by value, by management id, and per grant
 * in issuing order. Every node reads the row, so a token rotated or revoked through one is dead on
 * all at once.
 */
final class PgTokens implements TokenStore, TokenReads {
  private static final Sql.Row<TokenRecord> RECORD = Sql.record(TokenRecord.class);

  private final Sql sql;
  private final String session;

  PgTokens(Sql sql, String session) {
    this.sql = sql;
    this.session = session;
  }

  @Override
  public Optional<TokenRecord> findByValue(String value) {
    return sql.one(
        "SELECT record FROM tokens WHERE session = ? AND value = ?", RECORD, session, value);
  }

  @Override
  public Optional<TokenRecord> findByManageId(String manageId) {
    return sql.one(
        "SELECT record FROM tokens WHERE session = ? AND manage_id = ?", RECORD, session, manageId);
  }

  @Override
  public List<TokenRecord> ofGrant(String grantId) {
    return sql.list(
        "SELECT record FROM tokens WHERE session = ? AND grant_id = ? ORDER BY issued",
        RECORD,
        session,
        grantId);
  }

  @Override
  public void save(TokenRecord token) {
    sql.update(
        "INSERT INTO tokens (session, value, manage_id, grant_id, record) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (session, value) DO UPDATE SET record = EXCLUDED.record",
        session,
        token.value(),
        token.manageId(),
        token.grantId(),
        Sql.Jsonb.of(token));
  }

  @Override
  public int count() {
    return (int) sql.number("SELECT count(*) FROM tokens WHERE session = ?", session);
  }
}
