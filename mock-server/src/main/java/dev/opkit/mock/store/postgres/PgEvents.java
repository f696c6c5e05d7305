package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventReads;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.EventStore;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.WebhookStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A session's event logs in the {@code events} table, one per provider, numbered by its row in
 * {@code event_heads} (taken under the session's write lock, so every node numbers each event once)
 * and bounded: an append drops what falls out of the log.
 */
final class PgEvents implements EventStore, EventReads {
  private static final Sql.Row<EventRecord> RECORD = Sql.record(EventRecord.class);

  private final Sql sql;
  private final String session;
  private final int capacity;
  private final String node;

  /**
   * @param node the sandbox process that sends the webhooks of the events it appends
   */
  PgEvents(Sql sql, String session, int capacity, String node) {
    this.sql = sql;
    this.session = session;
    this.capacity = capacity;
    this.node = node;
  }

  @Override
  public EventRecord append(
      String ase, EventType type, Instant createdAt, EventData data, WebhookStatus webhook) {
    long sequence =
        sql.number(
            "INSERT INTO event_heads (session, ase, last) VALUES (?, ?, 1)"
                + " ON CONFLICT (session, ase) DO UPDATE SET last = event_heads.last + 1"
                + " RETURNING last",
            session,
            ase);
    EventRecord event =
        new EventRecord(sequence, UUID.randomUUID(), type, createdAt, ase, data, webhook);
    sql.update(
        "INSERT INTO events (session, ase, seq, type, webhook_state, webhook_node, record)"
            + " VALUES (?, ?, ?, ?, ?::text, ?::text, ?)",
        session,
        ase,
        sequence,
        type.name(),
        webhook == null ? null : webhook.state().name(),
        webhook == null ? null : node,
        Sql.Jsonb.of(event));
    if (sequence > capacity) {
      sql.update(
          "DELETE FROM events WHERE session = ? AND ase = ? AND seq <= ?",
          session,
          ase,
          sequence - capacity);
    }
    return event;
  }

  @Override
  public void saveWebhook(String ase, long sequence, WebhookStatus status) {
    sql.update(
        "UPDATE events SET webhook_state = ?, record = jsonb_set(record, '{webhook}', ?)"
            + " WHERE session = ? AND ase = ? AND seq = ?",
        status.state().name(),
        Sql.Jsonb.of(status),
        session,
        ase,
        sequence);
  }

  @Override
  public List<EventRecord> after(String ase, long after, int limit) {
    return sql.list(
        "SELECT record FROM events WHERE session = ? AND ase = ? AND seq > ? ORDER BY seq LIMIT ?",
        RECORD,
        session,
        ase,
        after,
        limit);
  }

  @Override
  public List<EventRecord> newest(String ase, int limit, Set<EventType> types) {
    return sql.list(
        "SELECT record FROM events WHERE session = ? AND ase = ? AND type = ANY (?)"
            + " ORDER BY seq DESC LIMIT ?",
        RECORD,
        session,
        ase,
        types.stream().map(EventType::name).toArray(String[]::new),
        limit);
  }

  @Override
  public long lastSequence(String ase) {
    return sql.number("SELECT last FROM event_heads WHERE session = ? AND ase = ?", session, ase);
  }

  /**
   * Takes over pending deliveries whose sender is gone (no heartbeat for {@code staleSeconds}):
   * each row is claimed by one node only, the others skip what is locked or already claimed.
   */
  List<EventRecord> claimOrphanedWebhooks(int max, int staleSeconds) {
    return sql.list(
        "UPDATE events SET webhook_node = ? WHERE session = ? AND (ase, seq) IN ("
            + " SELECT e.ase, e.seq FROM events e WHERE e.session = ?"
            + " AND e.webhook_state = 'PENDING' AND (e.webhook_node IS NULL OR NOT EXISTS ("
            + " SELECT 1 FROM nodes n WHERE n.id = e.webhook_node"
            + " AND n.seen_at > now() - make_interval(secs => ?)))"
            + " ORDER BY e.ase, e.seq LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING record",
        RECORD,
        node,
        session,
        session,
        staleSeconds,
        max);
  }
}
