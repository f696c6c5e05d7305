package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.EventStore;
import dev.opkit.mock.store.GrantStore;
import dev.opkit.mock.store.IncomingPaymentStore;
import dev.opkit.mock.store.LedgerStore;
import dev.opkit.mock.store.OutgoingPaymentStore;
import dev.opkit.mock.store.QuoteStore;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.SessionStore;
import dev.opkit.mock.store.SpendingStore;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.TokenStore;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One write transaction in the database, on a connection that holds the session's row lock: every
 * store reads and writes through it, so the work sees its own writes and nobody else does before
 * the commit.
 */
final class PgTx extends PgStores implements Tx {
  /** The tables {@link #clear} empties: everything of a session but its record and counters. */
  private static final List<String> CLEARED =
      List.of(
          "wallets",
          "accounts",
          "incoming_payments",
          "quotes",
          "outgoing_payments",
          "grants",
          "tokens",
          "grant_spending",
          "window_spent",
          "events",
          "journal",
          "sightings",
          "client_exchanges",
          "misbehaviour_firings");

  private final List<Runnable> effects = new ArrayList<>();
  private SessionRecord record;

  PgTx(Sql sql, SessionId id, StorageLimits limits, String node, SessionRecord record) {
    super(sql, id, limits, node);
    this.record = record;
  }

  @Override
  public SessionId sessionId() {
    return id;
  }

  @Override
  public SessionStore session() {
    return new SessionStore() {
      @Override
      public SessionRecord record() {
        return record;
      }

      @Override
      public void save(SessionRecord next) {
        if (!next.id().equals(id)) {
          throw new IllegalArgumentException("a session's record keeps its id");
        }
        sql.update("UPDATE sessions SET record = ? WHERE id = ?", Sql.Jsonb.of(next), id.value());
        record = next;
      }
    };
  }

  @Override
  public WalletStore wallets() {
    return wallets;
  }

  @Override
  public LedgerStore ledger() {
    return ledger;
  }

  @Override
  public IncomingPaymentStore incomingPayments() {
    return incoming;
  }

  @Override
  public QuoteStore quotes() {
    return quotes;
  }

  @Override
  public OutgoingPaymentStore outgoingPayments() {
    return outgoing;
  }

  @Override
  public GrantStore grants() {
    return grants;
  }

  @Override
  public TokenStore tokens() {
    return tokens;
  }

  @Override
  public SpendingStore spending() {
    return spending;
  }

  @Override
  public EventStore events() {
    return events;
  }

  @Override
  public long nextSequence() {
    return sql.number("SELECT nextval('store_sequence')");
  }

  @Override
  public void afterCommit(Runnable effect) {
    effects.add(Objects.requireNonNull(effect, "effect"));
  }

  @Override
  public void clear() {
    for (String table : CLEARED) {
      sql.update("DELETE FROM " + table + " WHERE session = ?", id.value());
    }
  }

  List<Runnable> effects() {
    return effects;
  }
}
