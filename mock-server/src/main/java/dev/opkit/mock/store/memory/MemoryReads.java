package dev.opkit.mock.store.memory;

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
import dev.opkit.mock.store.SpendingReads;
import dev.opkit.mock.store.TokenReads;
import dev.opkit.mock.store.WalletReads;

/** A session's committed state, read. */
final class MemoryReads implements Reads {
  private final SessionId id;
  private final MemoryState state;

  MemoryReads(SessionId id, MemoryState state) {
    this.id = id;
    this.state = state;
  }

  @Override
  public SessionId sessionId() {
    return id;
  }

  @Override
  public SessionReads session() {
    return () -> state.record;
  }

  @Override
  public WalletReads wallets() {
    return state.wallets;
  }

  @Override
  public LedgerReads ledger() {
    return state.ledger;
  }

  @Override
  public IncomingPaymentReads incomingPayments() {
    return state.incoming;
  }

  @Override
  public QuoteReads quotes() {
    return state.quotes;
  }

  @Override
  public OutgoingPaymentReads outgoingPayments() {
    return state.outgoing;
  }

  @Override
  public GrantReads grants() {
    return state.grants;
  }

  @Override
  public TokenReads tokens() {
    return state.tokens;
  }

  @Override
  public SpendingReads spending() {
    return state.spending;
  }

  @Override
  public EventReads events() {
    return state.events;
  }

  @Override
  public JournalReads journal() {
    return state.journal;
  }
}
