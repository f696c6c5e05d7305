package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletReads;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.store.WalletStore;
import java.util.List;
import java.util.Optional;

/** A session's wallets in the {@code wallets} table. */
final class PgWallets implements WalletStore, WalletReads {
  private static final Sql.Row<WalletRecord> RECORD = Sql.record(WalletRecord.class);

  private final Sql sql;
  private final String session;

  PgWallets(Sql sql, String session) {
    this.sql = sql;
    this.session = session;
  }

  @Override
  public Optional<WalletRecord> find(WalletId id) {
    return sql.one(
        "SELECT record FROM wallets WHERE session = ? AND ase = ? AND name = ?",
        RECORD,
        session,
        id.ase(),
        id.name());
  }

  @Override
  public Optional<WalletRecord> forUpdate(WalletId id) {
    return sql.one(
        "SELECT record FROM wallets WHERE session = ? AND ase = ? AND name = ? FOR UPDATE",
        RECORD,
        session,
        id.ase(),
        id.name());
  }

  @Override
  public void save(WalletRecord wallet) {
    sql.update(
        "INSERT INTO wallets (session, ase, name, ordinal, record) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (session, ase, name) DO UPDATE SET record = EXCLUDED.record",
        session,
        wallet.id().ase(),
        wallet.id().name(),
        wallet.ordinal(),
        Sql.Jsonb.of(wallet));
  }

  @Override
  public List<WalletRecord> all(String ase) {
    return sql.list(
        "SELECT record FROM wallets WHERE session = ? AND ase = ? ORDER BY ordinal",
        RECORD,
        session,
        ase);
  }

  @Override
  public int count() {
    return (int) sql.number("SELECT count(*) FROM wallets WHERE session = ?", session);
  }
}
