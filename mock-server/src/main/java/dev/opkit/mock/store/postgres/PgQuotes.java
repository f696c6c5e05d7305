package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.QuoteReads;
import dev.opkit.mock.store.QuoteRecord;
import dev.opkit.mock.store.QuoteStore;
import java.util.Optional;
import java.util.UUID;

/** A session's quotes in the {@code quotes} table. */
final class PgQuotes implements QuoteStore, QuoteReads {
  private static final Sql.Row<QuoteRecord> RECORD = Sql.record(QuoteRecord.class);

  private final Sql sql;
  private final String session;

  PgQuotes(Sql sql, String session) {
    this.sql = sql;
    this.session = session;
  }

  @Override
  public Optional<QuoteRecord> find(UUID id) {
    return sql.one("SELECT record FROM quotes WHERE session = ? AND id = ?", RECORD, session, id);
  }

  @Override
  public Optional<QuoteRecord> forUpdate(UUID id) {
    return sql.one(
        "SELECT record FROM quotes WHERE session = ? AND id = ? FOR UPDATE", RECORD, session, id);
  }

  @Override
  public void save(QuoteRecord quote) {
    sql.update(
        "INSERT INTO quotes (session, id, record) VALUES (?, ?, ?)"
            + " ON CONFLICT (session, id) DO UPDATE SET record = EXCLUDED.record",
        session,
        quote.id(),
        Sql.Jsonb.of(quote));
  }

  @Override
  public int count() {
    return (int) sql.number("SELECT count(*) FROM quotes WHERE session = ?", session);
  }
}
