package dev.opkit.mock.ledger;

import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The sandbox's double-entry books: every movement of money is a {@link Transfer} between accounts
 * of one asset, so the balances of one asset always sum to exactly zero (the money invariant).
 * Amounts are exact integers in the asset's smallest unit.
 *
 * <p>Concurrency: a transfer locks the accounts it touches in a fixed order (by the order they were
 * opened), so transfers on different wallets run in parallel and never deadlock. Transfers also
 * share a read lock that {@link #totals()} takes exclusively, so the totals are a consistent
 * snapshot even while payments run.
 */
public final class Ledger {
  /**
   * The most money one wallet may hold, its available and reserved balances together: 2^64 - 1
   * (uint64), the largest amount the protocol can express.
   */
  public static final BigInteger MAX_BALANCE =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();
  private final AtomicLong ordinals = new AtomicLong();
  private final ReadWriteLock snapshot = new ReentrantReadWriteLock();

  /**
   * The account with this kind, name and asset, opened with a zero balance on first use. Opening
   * the same name again with another asset is refused.
   */
  public Account account(AccountKind kind, String name, Asset asset) {
    Objects.requireNonNull(asset, "asset");
    Account account =
        accounts.computeIfAbsent(
            key(kind, name), k -> new Account(ordinals.incrementAndGet(), kind, name, asset));
    if (!account.asset().equals(asset)) {
      throw new IllegalArgumentException(
          account + " exists already; it cannot be reopened in " + asset);
    }
    return account;
  }

  /** The system account of this kind for an asset, e.g. the USD/2 issuer. */
  public Account system(AccountKind kind, Asset asset) {
    if (kind == AccountKind.WALLET || kind == AccountKind.RESERVED) {
      throw new IllegalArgumentException(kind + " accounts belong to wallets, not to the sandbox");
    }
    return account(kind, asset.toString(), asset);
  }

  /**
   * Applies every move of the transfer, or none: refused when an account that must stay
   * non-negative would go below zero, or a wallet's money (its available plus its reserved balance)
   * would exceed {@link #MAX_BALANCE}.
   *
   * @throws InsufficientFundsException when an account lacks the money
   * @throws LedgerException when a wallet's money would overflow
   */
  public void post(Transfer transfer) {
    Map<Account, BigInteger> changes = transfer.netChanges();
    // A wallet's two accounts are checked together, so both are locked even if one is unchanged.
    Set<Account> touched = new HashSet<>(changes.keySet());
    for (Account account : changes.keySet()) {
      partner(account).ifPresent(touched::add);
    }
    List<Account> ordered = new ArrayList<>(touched);
    ordered.sort(Comparator.comparingLong(Account::ordinal));
    snapshot.readLock().lock();
    try {
      ordered.forEach(a -> a.lock().lock());
      try {
        for (Account account : changes.keySet()) {
          check(transfer, account, changes);
        }
        for (Account account : changes.keySet()) {
          account.setBalance(after(account, changes));
        }
      } finally {
        for (int i = ordered.size() - 1; i >= 0; i--) {
          ordered.get(i).lock().unlock();
        }
      }
    } finally {
      snapshot.readLock().unlock();
    }
  }

  /**
   * A wallet's money: its available balance plus what outgoing payments in progress reserved. It
   * never exceeds {@link #MAX_BALANCE}.
   *
   * @param available the wallet's {@link AccountKind#WALLET} account
   */
  public BigInteger walletMoney(Account available) {
    if (available.kind() != AccountKind.WALLET) {
      throw new IllegalArgumentException(available + " is not a wallet's available balance");
    }
    return available
        .balance()
        .add(partner(available).map(Account::balance).orElse(BigInteger.ZERO));
  }

  private Optional<Account> partner(Account account) {
    if (!account.kind().walletMoney()) {
      return Optional.empty();
    }
    return Optional.ofNullable(accounts.get(key(account.kind().walletPartner(), account.name())));
  }

  private static BigInteger after(Account account, Map<Account, BigInteger> changes) {
    return account.balance().add(changes.getOrDefault(account, BigInteger.ZERO));
  }

  private void check(Transfer transfer, Account account, Map<Account, BigInteger> changes) {
    BigInteger after = after(account, changes);
    if (account.kind().nonNegative() && after.signum() < 0) {
      BigInteger needed = account.balance().subtract(after);
      throw new InsufficientFundsException(
          transfer.description(), account, account.balance(), needed);
    }
    if (!account.kind().walletMoney()) {
      return;
    }
    Optional<Account> partner = partner(account);
    BigInteger together = after.add(partner.map(p -> after(p, changes)).orElse(BigInteger.ZERO));
    if (together.compareTo(MAX_BALANCE) > 0) {
      BigInteger available =
          account.kind() == AccountKind.WALLET ? after : together.subtract(after);
      throw new LedgerException(
          transfer.description()
              + ": the wallet "
              + account.name()
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

  /** A consistent snapshot of every asset's totals by account kind. */
  public LedgerTotals totals() {
    snapshot.writeLock().lock();
    try {
      Map<Asset, Map<AccountKind, BigInteger>> sums =
          new TreeMap<>(Comparator.comparing(Asset::code).thenComparingInt(Asset::scale));
      for (Account account : accounts.values()) {
        sums.computeIfAbsent(account.asset(), a -> new EnumMap<>(AccountKind.class))
            .merge(account.kind(), account.balance(), BigInteger::add);
      }
      List<LedgerTotals.AssetTotals> assets = new ArrayList<>();
      sums.forEach((asset, byKind) -> assets.add(LedgerTotals.AssetTotals.of(asset, byKind)));
      return new LedgerTotals(assets);
    } finally {
      snapshot.writeLock().unlock();
    }
  }

  /** Whether, for every asset, all balances sum to exactly zero. */
  public boolean invariantHolds() {
    return totals().invariantHolds();
  }

  /** Closes every account: the books are empty again. */
  public void clear() {
    snapshot.writeLock().lock();
    try {
      accounts.clear();
    } finally {
      snapshot.writeLock().unlock();
    }
  }

  private static String key(AccountKind kind, String name) {
    return kind.name() + ' ' + name;
  }
}
