package dev.opkit.mock.store;

/**
 * Everything of one session, as last committed: what {@link Transactions#read} hands its work. Each
 * read sees committed records; reads of several objects are consistent with each other only in
 * {@link Transactions#readConsistent}.
 */
public interface Reads {
  SessionId sessionId();

  SessionReads session();

  WalletReads wallets();

  LedgerReads ledger();

  IncomingPaymentReads incomingPayments();

  QuoteReads quotes();

  OutgoingPaymentReads outgoingPayments();

  GrantReads grants();

  TokenReads tokens();

  SpendingReads spending();

  EventReads events();

  JournalReads journal();
}
