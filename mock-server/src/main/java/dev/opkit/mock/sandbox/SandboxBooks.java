package dev.opkit.mock.sandbox;

import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.LedgerTotals;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.store.Transactions;
import java.util.function.Supplier;

/** A session's books as a whole: their totals, read consistently. */
public final class SandboxBooks {
  private final Transactions storage;
  private final Supplier<Session> session;

  SandboxBooks(Transactions storage, Supplier<Session> session) {
    this.storage = storage;
    this.session = session;
  }

  /** Every asset's totals by account kind, as of one moment. */
  public LedgerTotals totals() {
    return storage.readConsistent(session.get().id(), reads -> Ledger.totals(reads.ledger()));
  }

  /** Whether, for every asset, all balances sum to exactly zero. */
  public boolean invariantHolds() {
    return totals().invariantHolds();
  }
}
