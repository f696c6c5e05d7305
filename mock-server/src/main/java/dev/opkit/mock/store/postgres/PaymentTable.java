package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.StoredPayment;
import dev.opkit.mock.store.WalletId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One table of payments (incoming or outgoing): by id, listed per wallet (and client) newest first
 * by creation sequence, and queued by the time they wait for ({@code due_at}, null when they wait
 * for none).
 *
 * @param <R> the payment record
 */
final class PaymentTable<R extends StoredPayment> {
  private final Sql sql;
  private final String session;
  private final String table;
  private final Sql.Row<R> record;

  PaymentTable(Sql sql, String session, String table, Class<R> type) {
    this.sql = sql;
    this.session = session;
    this.table = table;
    this.record = Sql.record(type);
  }

  Optional<R> find(UUID id) {
    return sql.one(
        "SELECT record FROM " + table + " WHERE session = ? AND id = ?", record, session, id);
  }

  Optional<R> forUpdate(UUID id) {
    return sql.one(
        "SELECT record FROM " + table + " WHERE session = ? AND id = ? FOR UPDATE",
        record,
        session,
        id);
  }

  void save(R payment) {
    sql.update(
        "INSERT INTO "
            + table
            + " (session, id, wallet, client, seq, due_at, record) VALUES (?, ?, ?, ?, ?, ?::bigint, ?)"
            + " ON CONFLICT (session, id) DO UPDATE SET due_at = EXCLUDED.due_at,"
            + " record = EXCLUDED.record",
        session,
        payment.id(),
        payment.wallet().key(),
        payment.client(),
        payment.sequence(),
        payment.waitsForTime() ? payment.waitsUntilMillis() : null,
        Sql.Jsonb.of(payment));
  }

  void delete(UUID id) {
    sql.update("DELETE FROM " + table + " WHERE session = ? AND id = ?", session, id);
  }

  Optional<PageResult<R>> page(WalletId wallet, String client, PageQuery query) {
    String group =
        client == null ? "session = ? AND wallet = ?" : "session = ? AND wallet = ? AND client = ?";
    List<Object> params = new ArrayList<>(List.of(session, wallet.key()));
    if (client != null) {
      params.add(client);
    }
    Long cursor = null;
    if (query.cursor() != null) {
      List<Object> cursorParams = new ArrayList<>(params);
      cursorParams.add(query.cursor());
      Optional<Long> at =
          sql.one(
              "SELECT seq FROM " + table + " WHERE " + group + " AND id = ?",
              row -> row.getLong(1),
              cursorParams.toArray());
      if (at.isEmpty()) {
        return Optional.empty();
      }
      cursor = at.get();
    }
    params.add(query.size() + 1);
    if (query.backward()) {
      // Newer than the cursor, nearest first; shown newest first like every page.
      params.add(params.size() - 1, cursor);
      List<R> newer =
          sql.list(
              "SELECT record FROM "
                  + table
                  + " WHERE "
                  + group
                  + " AND seq > ? ORDER BY seq LIMIT ?",
              record,
              params.toArray());
      boolean hasPrevious = newer.size() > query.size();
      List<R> items = new ArrayList<>(newer.subList(0, Math.min(query.size(), newer.size())));
      Collections.reverse(items);
      return Optional.of(new PageResult<>(items, true, hasPrevious));
    }
    String after = cursor == null ? "" : " AND seq < ?";
    if (cursor != null) {
      params.add(params.size() - 1, cursor);
    }
    List<R> older =
        sql.list(
            "SELECT record FROM "
                + table
                + " WHERE "
                + group
                + after
                + " ORDER BY seq DESC LIMIT ?",
            record,
            params.toArray());
    boolean hasNext = older.size() > query.size();
    List<R> items = older.subList(0, Math.min(query.size(), older.size()));
    return Optional.of(new PageResult<>(items, hasNext, cursor != null));
  }

  List<R> dueBy(long atMillis, int max) {
    return sql.list(
        "SELECT record FROM "
            + table
            + " WHERE session = ? AND due_at IS NOT NULL AND due_at <= ?"
            + " ORDER BY due_at, seq, id LIMIT ?",
        record,
        session,
        atMillis,
        max);
  }

  int count() {
    return (int) sql.number("SELECT count(*) FROM " + table + " WHERE session = ?", session);
  }
}
