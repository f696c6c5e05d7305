package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.GrantSpendingRecord;
import dev.opkit.mock.store.SpendingReads;
import dev.opkit.mock.store.SpendingStore;
import dev.opkit.mock.store.WindowSpent;
import java.util.Optional;

/** What a session's grants spent: the {@code grant_spending} and {@code window_spent} tables. */
final class PgSpending implements SpendingStore, SpendingReads {
  private static final Sql.Row<GrantSpendingRecord> SPENDING =
      Sql.record(GrantSpendingRecord.class);
  private static final Sql.Row<WindowSpent> WINDOW = Sql.record(WindowSpent.class);

  private final Sql sql;
  private final String session;

  PgSpending(Sql sql, String session) {
    this.sql = sql;
    this.session = session;
  }

  @Override
  public Optional<GrantSpendingRecord> find(String grantId) {
    return sql.one(
        "SELECT record FROM grant_spending WHERE session = ? AND grant_id = ?",
        SPENDING,
        session,
        grantId);
  }

  @Override
  public Optional<GrantSpendingRecord> forUpdate(String grantId) {
    return sql.one(
        "SELECT record FROM grant_spending WHERE session = ? AND grant_id = ? FOR UPDATE",
        SPENDING,
        session,
        grantId);
  }

  @Override
  public Optional<WindowSpent> window(String grantId, long window) {
    return sql.one(
        "SELECT record FROM window_spent WHERE session = ? AND grant_id = ? AND window_index = ?",
        WINDOW,
        session,
        grantId,
        window);
  }

  @Override
  public void save(GrantSpendingRecord spending) {
    sql.update(
        "INSERT INTO grant_spending (session, grant_id, record) VALUES (?, ?, ?)"
            + " ON CONFLICT (session, grant_id) DO UPDATE SET record = EXCLUDED.record",
        session,
        spending.grantId(),
        Sql.Jsonb.of(spending));
  }

  @Override
  public void save(WindowSpent window) {
    sql.update(
        "INSERT INTO window_spent (session, grant_id, window_index, record) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (session, grant_id, window_index) DO UPDATE SET record = EXCLUDED.record",
        session,
        window.grantId(),
        window.window(),
        Sql.Jsonb.of(window));
  }
}
