package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.StorageLimits;

/** Every store of one session over one connection: what a transaction and a read both hand out. */
class PgStores {
  final Sql sql;
  final SessionId id;
  final PgWallets wallets;
  final PgLedger ledger;
  final PgIncomingPayments incoming;
  final PgQuotes quotes;
  final PgOutgoingPayments outgoing;
  final PgGrants grants;
  final PgTokens tokens;
  final PgSpending spending;
  final PgEvents events;
  final PgJournal journal;

  PgStores(Sql sql, SessionId id, StorageLimits limits, String node) {
    this.sql = sql;
    this.id = id;
    String session = id.value();
    this.wallets = new PgWallets(sql, session);
    this.ledger = new PgLedger(sql, session);
    this.incoming = new PgIncomingPayments(sql, session);
    this.quotes = new PgQuotes(sql, session);
    this.outgoing = new PgOutgoingPayments(sql, session);
    this.grants = new PgGrants(sql, session);
    this.tokens = new PgTokens(sql, session);
    this.spending = new PgSpending(sql, session);
    this.events = new PgEvents(sql, session, limits.eventsPerAse(), node);
    this.journal = new PgJournal(sql, session, limits.journalPerAse());
  }
}
