package dev.opkit.mock.store.memory;

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
import dev.opkit.mock.store.TokenStore;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One write transaction in memory: each store it touches gets an overlay of its writes in front of
 * the committed state; {@link #commit} applies them all, after the work succeeded and while the
 * session's lock is held. A failed work leaves the overlays behind, unseen.
 */
final class MemoryTx implements Tx {
  private final SessionId id;
  private final MemorySession session;
  private final List<Pending> touched = new ArrayList<>();
  private final List<Runnable> effects = new ArrayList<>();
  private MemoryState state;
  private SessionRecord record;
  private MemoryWallets.Writes wallets;
  private MemoryLedger.Writes ledger;
  private MemoryIncomingPayments.Writes incoming;
  private MemoryQuotes.Writes quotes;
  private MemoryOutgoingPayments.Writes outgoing;
  private MemoryGrants.Writes grants;
  private MemoryTokens.Writes tokens;
  private MemorySpending.Writes spending;
  private MemoryEvents.Writes events;

  MemoryTx(SessionId id, MemorySession session) {
    this.id = id;
    this.session = session;
    this.state = session.state;
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
        return record != null ? record : state.record;
      }

      @Override
      public void save(SessionRecord next) {
        if (!next.id().equals(id)) {
          throw new IllegalArgumentException("a session's record keeps its id");
        }
        record = next;
      }
    };
  }

  @Override
  public WalletStore wallets() {
    return wallets = touch(wallets, () -> state.wallets.writes());
  }

  @Override
  public LedgerStore ledger() {
    return ledger = touch(ledger, () -> state.ledger.writes());
  }

  @Override
  public IncomingPaymentStore incomingPayments() {
    return incoming = touch(incoming, () -> state.incoming.writes());
  }

  @Override
  public QuoteStore quotes() {
    return quotes = touch(quotes, () -> state.quotes.writes());
  }

  @Override
  public OutgoingPaymentStore outgoingPayments() {
    return outgoing = touch(outgoing, () -> state.outgoing.writes());
  }

  @Override
  public GrantStore grants() {
    return grants = touch(grants, () -> state.grants.writes());
  }

  @Override
  public TokenStore tokens() {
    return tokens = touch(tokens, () -> state.tokens.writes());
  }

  @Override
  public SpendingStore spending() {
    return spending = touch(spending, () -> state.spending.writes());
  }

  @Override
  public EventStore events() {
    return events = touch(events, () -> state.events.writes());
  }

  @Override
  public long nextSequence() {
    return session.sequences.incrementAndGet();
  }

  @Override
  public void afterCommit(Runnable effect) {
    effects.add(Objects.requireNonNull(effect, "effect"));
  }

  @Override
  public void clear() {
    state = state.cleared();
    touched.clear();
    wallets = null;
    ledger = null;
    incoming = null;
    quotes = null;
    outgoing = null;
    grants = null;
    tokens = null;
    spending = null;
    events = null;
  }

  /** Applies every write; returns the state the session has from now on. */
  MemoryState commit() {
    touched.forEach(Pending::commit);
    if (record != null) {
      state.record = record;
    }
    return state;
  }

  List<Runnable> effects() {
    return effects;
  }

  private <P extends Pending> P touch(P current, Supplier<P> open) {
    if (current != null) {
      return current;
    }
    P opened = open.get();
    touched.add(opened);
    return opened;
  }
}
