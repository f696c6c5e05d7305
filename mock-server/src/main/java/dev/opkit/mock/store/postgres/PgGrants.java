package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.GrantReads;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.GrantStore;
import dev.opkit.mock.store.Interaction;
import java.util.List;
import java.util.Optional;

/** A session's grants in the {@code grants} table: by id, continuation id and interaction id. */
final class PgGrants implements GrantStore, GrantReads {
  private static final Sql.Row<GrantRecord> RECORD = Sql.record(GrantRecord.class);

  private final Sql sql;
  private final String session;

  PgGrants(Sql sql, String session) {
    this.sql = sql;
    this.session = session;
  }

  @Override
  public Optional<GrantRecord> find(String id) {
    return sql.one("SELECT record FROM grants WHERE session = ? AND id = ?", RECORD, session, id);
  }

  @Override
  public Optional<GrantRecord> forUpdate(String id) {
    return sql.one(
        "SELECT record FROM grants WHERE session = ? AND id = ? FOR UPDATE", RECORD, session, id);
  }

  @Override
  public void save(GrantRecord grant) {
    sql.update(
        "INSERT INTO grants (session, id, ase, continue_id, interaction_id, created_at, record)"
            + " VALUES (?, ?, ?, ?, ?::text, ?, ?)"
            + " ON CONFLICT (session, id) DO UPDATE SET record = EXCLUDED.record",
        session,
        grant.id(),
        grant.ase(),
        grant.continueId(),
        grant.interactionIfAny().map(Interaction::id).orElse(null),
        grant.createdAt(),
        Sql.Jsonb.of(grant));
  }

  @Override
  public Optional<GrantRecord> findByContinueId(String continueId) {
    return sql.one(
        "SELECT record FROM grants WHERE session = ? AND continue_id = ?",
        RECORD,
        session,
        continueId);
  }

  @Override
  public Optional<GrantRecord> findByInteractionId(String interactionId) {
    return sql.one(
        "SELECT record FROM grants WHERE session = ? AND interaction_id = ?",
        RECORD,
        session,
        interactionId);
  }

  @Override
  public List<GrantRecord> newest(String ase, int max) {
    return sql.list(
        "SELECT record FROM grants WHERE session = ? AND ase = ?"
            + " ORDER BY created_at DESC, id DESC LIMIT ?",
        RECORD,
        session,
        ase,
        max);
  }

  @Override
  public int count() {
    return (int) sql.number("SELECT count(*) FROM grants WHERE session = ?", session);
  }
}
