package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.EventReads;
import dev.opkit.mock.store.GrantReads;
import dev.opkit.mock.store.IncomingPaymentReads;
import dev.opkit.mock.store.JournalReads;
import dev.opkit.mock.store.LedgerReads;
import dev.opkit.mock.store.OutgoingPaymentReads;
import dev.opkit.mock.store.QuoteReads;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionReads;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.SpendingReads;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.TokenReads;
import dev.opkit.mock.store.WalletReads;

/** A session's committed records, read on one connection. */
final class PgReads extends PgStores implements Reads {
  private final SessionRecord record;

  PgReads(Sql sql, SessionId id, StorageLimits limits, String node, SessionRecord record) {
    super(sql, id, limits, node);
    this.record = record;
  }

  @Override
  public SessionId sessionId() {
    return id;
  }

  @Override
  public SessionReads session() {
    return () -> record;
  }

  @Override
  public WalletReads wallets() {
    return wallets;
  }

  @Override
  public LedgerReads ledger() {
    return ledger;
  }

  @Override
  public IncomingPaymentReads incomingPayments() {
    return incoming;
  }

  @Override
  public QuoteReads quotes() {
    return quotes;
  }

  @Override
  public OutgoingPaymentReads outgoingPayments() {
    return outgoing;
  }

  @Override
  public GrantReads grants() {
    return grants;
  }

  @Override
  public TokenReads tokens() {
    return tokens;
  }

  @Override
  public SpendingReads spending() {
    return spending;
  }

  @Override
  public EventReads events() {
    return events;
  }

  @Override
  public JournalReads journal() {
    return journal;
  }
}
