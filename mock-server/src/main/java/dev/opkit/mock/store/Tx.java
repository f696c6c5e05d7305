package dev.opkit.mock.store;

/**
 * One transaction on one session: every store of the session, seeing this transaction's own writes.
 * Nothing written is visible to others before the work returns, and nothing at all when it throws.
 */
public interface Tx {
  SessionId sessionId();

  SessionStore session();

  WalletStore wallets();

  LedgerStore ledger();

  IncomingPaymentStore incomingPayments();

  QuoteStore quotes();

  OutgoingPaymentStore outgoingPayments();

  GrantStore grants();

  TokenStore tokens();

  SpendingStore spending();

  EventStore events();

  /** A number larger than any this session handed out before (gaps allowed): creation order. */
  long nextSequence();

  /**
   * Runs {@code effect} once the transaction has committed, never when it fails: webhooks,
   * scheduling, logs of what happened. Effects run in the order they were added.
   */
  void afterCommit(Runnable effect);

  /** Empties every store of the session except its record: the start of a reset. */
  void clear();
}
