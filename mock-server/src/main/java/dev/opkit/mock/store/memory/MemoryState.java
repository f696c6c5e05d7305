package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.StorageLimits;

/**
 * Everything one session holds, as committed. The stores are replaced together by a reset; the
 * record of the session changes by a new version.
 */
final class MemoryState {
  volatile SessionRecord record;
  final MemoryWallets wallets = new MemoryWallets();
  final MemoryLedger ledger = new MemoryLedger();
  final MemoryIncomingPayments incoming = new MemoryIncomingPayments();
  final MemoryQuotes quotes = new MemoryQuotes();
  final MemoryOutgoingPayments outgoing = new MemoryOutgoingPayments();
  final MemoryGrants grants = new MemoryGrants();
  final MemoryTokens tokens = new MemoryTokens();
  final MemorySpending spending = new MemorySpending();
  final MemoryEvents events;
  final MemoryJournal journal;

  MemoryState(SessionRecord record, StorageLimits limits) {
    this.record = record;
    this.events = new MemoryEvents(limits.eventsPerAse());
    this.journal = new MemoryJournal(limits.journalPerAse());
  }

  private MemoryState(MemoryState previous) {
    this.record = previous.record;
    this.events = new MemoryEvents(previous.events);
    this.journal = new MemoryJournal(previous.journal);
  }

  /** Empty stores but for the record; the logs go on numbering where these stopped. */
  MemoryState cleared() {
    return new MemoryState(this);
  }
}
