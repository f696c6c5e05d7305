package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.JournalReads;
import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.PossibleReplay;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A session's request journals in the {@code journal} table, one per provider, bounded by position
 * ({@code journal_heads}), and the signed requests seen lately in {@code sightings}, kept while a
 * replay of them would verify.
 */
final class PgJournal implements JournalStore, JournalReads {
  private static final Sql.Row<JournalEntry> RECORD = Sql.record(JournalEntry.class);
  private static final Sql.Row<ClientExchange> EXCHANGE = Sql.record(ClientExchange.class);
  private static final Sql.Row<MisbehaviourFiring> FIRING = Sql.record(MisbehaviourFiring.class);

  private final Sql sql;
  private final String session;
  private final int capacity;

  PgJournal(Sql sql, String session, int capacity) {
    this.sql = sql;
    this.session = session;
    this.capacity = capacity;
  }

  @Override
  public long nextSequence() {
    return sql.number("SELECT nextval('store_sequence')");
  }

  @Override
  public void append(JournalEntry entry) {
    long position =
        sql.number(
            "INSERT INTO journal_heads (session, ase, last_position) VALUES (?, ?, 1)"
                + " ON CONFLICT (session, ase)"
                + " DO UPDATE SET last_position = journal_heads.last_position + 1"
                + " RETURNING last_position",
            session,
            entry.ase());
    sql.update(
        "INSERT INTO journal (session, ase, seq, position, refused, record)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        session,
        entry.ase(),
        entry.sequence(),
        position,
        entry.refused(),
        Sql.Jsonb.of(entry));
    if (position > capacity) {
      sql.update(
          "DELETE FROM journal WHERE session = ? AND ase = ? AND position <= ?",
          session,
          entry.ase(),
          position - capacity);
    }
  }

  @Override
  public Optional<PossibleReplay> sight(
      String fingerprint, Instant now, Instant validUntil, PossibleReplay first) {
    Optional<PossibleReplay> earlier =
        sql.one(
            "SELECT first_seen FROM sightings"
                + " WHERE session = ? AND fingerprint = ? AND valid_until > ?",
            Sql.record(PossibleReplay.class),
            session,
            fingerprint,
            now);
    if (earlier.isPresent()) {
      return earlier;
    }
    // What no replay can use any more goes, so the table holds only what is still valid.
    sql.update("DELETE FROM sightings WHERE session = ? AND valid_until <= ?", session, now);
    sql.update(
        "INSERT INTO sightings (session, fingerprint, valid_until, first_seen) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (session, fingerprint) DO UPDATE SET valid_until = EXCLUDED.valid_until,"
            + " first_seen = EXCLUDED.first_seen",
        session,
        fingerprint,
        validUntil,
        Sql.Jsonb.of(first));
    return Optional.empty();
  }

  @Override
  public void exchanged(ClientExchange exchange) {
    appendBounded("client_exchanges", exchange.ase(), exchange.sequence(), Sql.Jsonb.of(exchange));
  }

  @Override
  public void fired(MisbehaviourFiring firing) {
    // One log per session: every provider's firings together, under the empty provider name.
    appendBounded("misbehaviour_firings", "", firing.sequence(), Sql.Jsonb.of(firing));
  }

  @Override
  public List<ClientExchange> exchanges(String ase) {
    return sql.list(
        "SELECT record FROM client_exchanges WHERE session = ? AND ase = ? ORDER BY seq LIMIT ?",
        EXCHANGE,
        session,
        ase,
        capacity);
  }

  @Override
  public List<MisbehaviourFiring> firings() {
    return sql.list(
        "SELECT record FROM misbehaviour_firings WHERE session = ? ORDER BY seq LIMIT ?",
        FIRING,
        session,
        capacity);
  }

  /**
   * Adds a row to one of the bounded logs keyed by (session, ase, position), dropping the oldest.
   */
  private void appendBounded(String table, String ase, long sequence, Sql.Jsonb record) {
    long position =
        sql.number(
            "INSERT INTO "
                + table
                + "_heads (session, ase, last_position) VALUES (?, ?, 1)"
                + " ON CONFLICT (session, ase)"
                + " DO UPDATE SET last_position = "
                + table
                + "_heads.last_position + 1 RETURNING last_position",
            session,
            ase);
    sql.update(
        "INSERT INTO " + table + " (session, ase, seq, position, record) VALUES (?, ?, ?, ?, ?)",
        session,
        ase,
        sequence,
        position,
        record);
    if (position > capacity) {
      sql.update(
          "DELETE FROM " + table + " WHERE session = ? AND ase = ? AND position <= ?",
          session,
          ase,
          position - capacity);
    }
  }

  @Override
  public List<JournalEntry> recent(String ase, int limit, boolean refusedOnly) {
    return sql.list(
        "SELECT record FROM journal WHERE session = ? AND ase = ?"
            + (refusedOnly ? " AND refused" : "")
            + " ORDER BY seq DESC LIMIT ?",
        RECORD,
        session,
        ase,
        limit);
  }

  @Override
  public Optional<JournalEntry> find(String ase, long sequence) {
    return sql.one(
        "SELECT record FROM journal WHERE session = ? AND ase = ? AND seq = ?",
        RECORD,
        session,
        ase,
        sequence);
  }
}
