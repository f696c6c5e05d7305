package dev.opkit.mock.ledger;

import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.AccountRecord;
import dev.opkit.mock.store.LedgerReads;
import dev.opkit.mock.store.LedgerStore;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of a session's double-entry books: every movement of money is a {@link Transfer}
 * between accounts of one asset, so the balances of one asset always sum to exactly zero (the money
 * invariant). Amounts are exact integers in the asset's smallest unit. The balances live in the
 * session's {@link LedgerStore}; a transfer is posted inside the transaction that needs it, which
 * makes it atomic with the rest of that transaction's work.
 */
public final class Ledger {
  /** The largest balance an account that holds wallet money may reach: 2^64 - 1 (uint64). */
  public static final BigInteger MAX_BALANCE =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Ledger() {}

  /** Opens an account with a zero balance unless it is open; refused in another asset. */
  public static void open(LedgerStore store, Account account) {
    if (store.forUpdate(account.key()).map(r -> checkAsset(r, account)).isEmpty()) {
      store.save(AccountRecord.opened(account.key(), account.asset()));
    }
  }

  /**
   * Applies every move of the transfer, or none: refused when an account that must stay
   * non-negative would go below zero, or a wallet's balance would exceed {@link #MAX_BALANCE}.
   * Accounts are taken for update in ascending key order and opened on first use.
   *
   * @throws InsufficientFundsException when an account lacks the money
   * @throws LedgerException when a balance would overflow
   */
  public static void post(LedgerStore store, Transfer transfer) {
    Map<Account, BigInteger> changes = transfer.netChanges();
    List<Account> ordered = new ArrayList<>(changes.keySet());
    ordered.sort(Comparator.comparing(Account::key));
    List<AccountRecord> after = new ArrayList<>(ordered.size());
    for (Account account : ordered) {
      AccountRecord current =
          store
              .forUpdate(account.key())
              .map(r -> checkAsset(r, account))
              .orElseGet(() -> AccountRecord.opened(account.key(), account.asset()));
      BigInteger next = current.balance().add(changes.get(account));
      check(transfer, account, current.balance(), next);
      after.add(current.withBalance(next));
    }
    after.forEach(store::save);
  }

  /** An account's balance (zero when it was never opened). */
  public static BigInteger balance(LedgerStore store, Account account) {
    return store.forUpdate(account.key()).map(AccountRecord::balance).orElse(BigInteger.ZERO);
  }

  /** An account's committed balance (zero when it was never opened). */
  public static BigInteger balance(LedgerReads reads, Account account) {
    return reads.find(account.key()).map(AccountRecord::balance).orElse(BigInteger.ZERO);
  }

  /** Every asset's totals by account kind; read consistently for a true snapshot. */
  public static LedgerTotals totals(LedgerReads reads) {
    Map<Asset, Map<AccountKind, BigInteger>> sums =
        new TreeMap<>(Comparator.comparing(Asset::code).thenComparingInt(Asset::scale));
    for (AccountRecord account : reads.all()) {
      sums.computeIfAbsent(account.asset(), a -> new EnumMap<>(AccountKind.class))
          .merge(account.key().kind(), account.balance(), BigInteger::add);
    }
    List<LedgerTotals.AssetTotals> assets = new ArrayList<>();
    sums.forEach((asset, byKind) -> assets.add(LedgerTotals.AssetTotals.of(asset, byKind)));
    return new LedgerTotals(assets);
  }

  private static AccountRecord checkAsset(AccountRecord record, Account account) {
    if (!record.asset().equals(account.asset())) {
      throw new IllegalArgumentException(
          account + " exists already; it cannot be reopened in " + account.asset());
    }
    return record;
  }

  private static void check(
      Transfer transfer, Account account, BigInteger before, BigInteger after) {
    if (!account.kind().nonNegative()) {
      return;
    }
    if (after.signum() < 0) {
      throw new InsufficientFundsException(
          transfer.description(), account, before, before.subtract(after));
    }
    if (after.compareTo(MAX_BALANCE) > 0) {
      throw new LedgerException(
          transfer.description()
              + ": "
              + account
              + " would hold "
              + after
              + ", more than an amount can express (2^64 - 1)");
    }
  }
}
