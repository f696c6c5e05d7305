package dev.opkit.mock.ledger;

import dev.opkit.mock.store.AccountKey;
import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.AccountRecord;
import dev.opkit.mock.store.LedgerReads;
import dev.opkit.mock.store.LedgerStore;
import dev.opkit.mock.store.WalletId;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of a session's double-entry books: every movement of money is a {@link Transfer}
 * between accounts of one asset, so the balances of one asset always sum to exactly zero (the money
 * invariant). Amounts are exact integers in the asset's smallest unit. The balances live in the
 * session's {@link LedgerStore}; a transfer is posted inside the transaction that needs it, which
 * makes it atomic with the rest of that transaction's work.
 */
public final class Ledger {
  /**
   * The most money one wallet may hold, its available and reserved balances together: 2^64 - 1
   * (uint64), the largest amount the protocol can express.
   */
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
   * non-negative would go below zero, or a wallet's money (its available plus its reserved balance)
   * would exceed {@link #MAX_BALANCE}. Accounts (with the other account of each wallet touched,
   * which is checked with it) are taken for update in ascending key order and opened on first use.
   *
   * @throws InsufficientFundsException when an account lacks the money
   * @throws LedgerException when a wallet's money would overflow
   */
  public static void post(LedgerStore store, Transfer transfer) {
    Map<Account, BigInteger> changes = transfer.netChanges();
    Map<AccountKey, BigInteger> before = new TreeMap<>();
    for (Account account : changes.keySet()) {
      before.put(account.key(), null);
      partner(account.key()).ifPresent(p -> before.put(p, null));
    }
    for (AccountKey key : before.keySet()) {
      before.put(key, store.forUpdate(key).map(AccountRecord::balance).orElse(BigInteger.ZERO));
    }
    Map<AccountKey, BigInteger> after = new TreeMap<>(before);
    changes.forEach((account, change) -> after.merge(account.key(), change, BigInteger::add));
    List<AccountRecord> saved = new ArrayList<>(changes.size());
    for (Account account : sorted(changes.keySet())) {
      check(transfer, account, before, after);
      AccountRecord current =
          store
              .forUpdate(account.key())
              .map(r -> checkAsset(r, account))
              .orElseGet(() -> AccountRecord.opened(account.key(), account.asset()));
      saved.add(current.withBalance(after.get(account.key())));
    }
    saved.forEach(store::save);
  }

  /**
   * A wallet's money: its available balance plus what outgoing payments in progress reserved. It
   * never exceeds {@link #MAX_BALANCE}.
   */
  public static BigInteger walletMoney(LedgerStore store, WalletId wallet) {
    return balanceOf(store, AccountKey.available(wallet))
        .add(balanceOf(store, AccountKey.reserved(wallet)));
  }

  /** A wallet's committed money: its available plus its reserved balance. */
  public static BigInteger walletMoney(LedgerReads reads, WalletId wallet) {
    return balanceOf(reads, AccountKey.available(wallet))
        .add(balanceOf(reads, AccountKey.reserved(wallet)));
  }

  /** An account's balance (zero when it was never opened). */
  public static BigInteger balance(LedgerStore store, Account account) {
    return balanceOf(store, account.key());
  }

  /** An account's committed balance (zero when it was never opened). */
  public static BigInteger balance(LedgerReads reads, Account account) {
    return balanceOf(reads, account.key());
  }

  private static BigInteger balanceOf(LedgerStore store, AccountKey key) {
    return store.forUpdate(key).map(AccountRecord::balance).orElse(BigInteger.ZERO);
  }

  private static BigInteger balanceOf(LedgerReads reads, AccountKey key) {
    return reads.find(key).map(AccountRecord::balance).orElse(BigInteger.ZERO);
  }

  private static Optional<AccountKey> partner(AccountKey key) {
    return key.kind().walletMoney()
        ? Optional.of(new AccountKey(key.kind().walletPartner(), key.owner()))
        : Optional.empty();
  }

  private static List<Account> sorted(Set<Account> accounts) {
    List<Account> ordered = new ArrayList<>(accounts);
    ordered.sort(Comparator.comparing(Account::key));
    return ordered;
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
      Transfer transfer,
      Account account,
      Map<AccountKey, BigInteger> before,
      Map<AccountKey, BigInteger> after) {
    BigInteger was = before.get(account.key());
    BigInteger will = after.get(account.key());
    if (account.kind().nonNegative() && will.signum() < 0) {
      throw new InsufficientFundsException(
          transfer.description(), account, was, was.subtract(will));
    }
    if (!account.kind().walletMoney()) {
      return;
    }
    BigInteger together = will.add(partner(account.key()).map(after::get).orElseThrow());
    if (together.compareTo(MAX_BALANCE) > 0) {
      BigInteger available = account.kind() == AccountKind.WALLET ? will : together.subtract(will);
      throw new LedgerException(
          transfer.description()
              + ": the wallet "
              + account.key().owner()
              + " would hold "
              + together
              + " "
              + account.asset()
              + " (available "
              + available
              + ", reserved "
              + together.subtract(available)
              + "), more than an amount can express (2^64 - 1)");
    }
  }
}
