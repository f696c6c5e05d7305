package dev.opkit.mock.wallet;

import dev.opkit.mock.ledger.Account;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.keys.Jwk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wallet address of one provider: its public facts, its ledger accounts, the client keys
 * registered on it, and the lock that guards every change to its money and to the state of its
 * incoming payments.
 */
public final class Wallet {
  private final Ase ase;
  private final String name;
  private final String url;
  private final String publicName;
  private final Asset asset;
  private final Account account;
  private final Account reserved;
  private final long ordinal;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Jwk> keys = new LinkedHashMap<>();
  private final AtomicInteger pendingFailures = new AtomicInteger();

  Wallet(
      Ase ase,
      String name,
      String publicName,
      Asset asset,
      Account account,
      Account reserved,
      long ordinal) {
    this.ase = ase;
    this.name = name;
    this.url = ase.walletUrl(name);
    this.publicName = publicName;
    this.asset = asset;
    this.account = account;
    this.reserved = reserved;
    this.ordinal = ordinal;
  }

  public Ase ase() {
    return ase;
  }

  public String name() {
    return name;
  }

  /** The wallet address URL, which is also its id. */
  public String url() {
    return url;
  }

  public Optional<String> publicName() {
    return Optional.ofNullable(publicName);
  }

  public Asset asset() {
    return asset;
  }

  /** The available balance. */
  public Account account() {
    return account;
  }

  /** Amount held for outgoing payments in progress. */
  public Account reserved() {
    return reserved;
  }

  /** The order wallets were created in; locks on several wallets are taken in this order. */
  public long ordinal() {
    return ordinal;
  }

  /** Guards the balance check-and-debit and the state of this wallet's incoming payments. */
  public ReentrantLock lock() {
    return lock;
  }

  /** The registered client keys, in registration order. */
  public synchronized List<Jwk> keys() {
    return List.copyOf(keys.values());
  }

  synchronized boolean addKey(Jwk key) {
    return keys.putIfAbsent(key.kid(), key) == null;
  }

  synchronized boolean removeKey(String kid) {
    return keys.remove(kid) != null;
  }

  /** How many of the next outgoing payments will be made to fail (admin API). */
  public int pendingFailures() {
    return pendingFailures.get();
  }

  void failNext(int count) {
    pendingFailures.set(count);
  }

  /** Consumes one forced failure, if any is pending. */
  public boolean takeForcedFailure() {
    return pendingFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  @Override
  public String toString() {
    return url;
  }
}
