package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.AccountKey;
import dev.opkit.mock.store.AccountRecord;
import dev.opkit.mock.store.LedgerReads;
import dev.opkit.mock.store.LedgerStore;
import java.util.List;
import java.util.Optional;

/** A session's accounts in the {@code accounts} table. */
final class PgLedger implements LedgerStore, LedgerReads {
  private static final Sql.Row<AccountRecord> RECORD = Sql.record(AccountRecord.class);

  private final Sql sql;
  private final String session;

  PgLedger(Sql sql, String session) {
    this.sql = sql;
    this.session = session;
  }

  @Override
  public Optional<AccountRecord> find(AccountKey key) {
    return sql.one(
        "SELECT record FROM accounts WHERE session = ? AND kind = ? AND owner = ?",
        RECORD,
        session,
        key.kind().name(),
        key.owner());
  }

  @Override
  public Optional<AccountRecord> forUpdate(AccountKey key) {
    return sql.one(
        "SELECT record FROM accounts WHERE session = ? AND kind = ? AND owner = ? FOR UPDATE",
        RECORD,
        session,
        key.kind().name(),
        key.owner());
  }

  @Override
  public void save(AccountRecord account) {
    sql.update(
        "INSERT INTO accounts (session, kind, owner, record) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (session, kind, owner) DO UPDATE SET record = EXCLUDED.record",
        session,
        account.key().kind().name(),
        account.key().owner(),
        Sql.Jsonb.of(account));
  }

  @Override
  public List<AccountRecord> all() {
    return sql.list(
        "SELECT record FROM accounts WHERE session = ? ORDER BY kind, owner", RECORD, session);
  }
}
