package dev.opkit.mock.wallet;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.ledger.Account;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.Transfer;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.model.WalletAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wallet addresses of a session: opening them with money from the issuer, their public document and
 * keys, and the balance powers of the admin API.
 */
public final class WalletService {
  private final Transactions storage;
  private final List<Runnable> keysChanged = new CopyOnWriteArrayList<>();

  public WalletService(Transactions storage) {
    this.storage = storage;
  }

  /**
   * Opens a wallet address on a provider and deposits its opening balance.
   *
   * @throws ApiException 400 for a bad name or asset, 409 when the name is taken
   */
  public WalletRecord create(SessionAse ase, NewWallet spec) {
    return storage.write(ase.sessionId(), tx -> create(tx, ase, spec));
  }

  /** Opens a wallet address inside a transaction (a session's seed, the admin API). */
  public WalletRecord create(Tx tx, SessionAse ase, NewWallet spec) {
    try {
      WalletNames.check(spec.name());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    checkBalance(spec.balance());
    WalletId id = new WalletId(ase.name(), spec.name());
    if (tx.wallets().forUpdate(id).isPresent()) {
      throw new ApiException(
          409, ErrorCodes.CONFLICT, "the wallet address " + ase.walletUrl(id) + " exists already");
    }
    WalletRecord wallet =
        WalletRecord.opened(id, spec.publicName(), spec.asset(), tx.nextSequence());
    tx.wallets().save(wallet);
    Ledger.open(tx.ledger(), available(wallet));
    Ledger.open(tx.ledger(), reserved(wallet));
    setBalance(tx, wallet, spec.balance());
    return wallet;
  }

  /**
   * Opens a wallet address with client keys already registered (a session's seed); the keys are
   * checked by {@link ClientKeys#check} before.
   */
  public WalletRecord create(Tx tx, SessionAse ase, NewWallet spec, List<Jwk> keys) {
    WalletRecord wallet = create(tx, ase, spec);
    for (Jwk key : keys) {
      wallet = wallet.withKey(key);
    }
    if (!keys.isEmpty()) {
      tx.wallets().save(wallet);
      tx.afterCommit(() -> keysChanged.forEach(Runnable::run));
    }
    return wallet;
  }

  /** A wallet of this provider in this session by name. */
  public Optional<WalletRecord> find(SessionAse ase, String name) {
    WalletId id = new WalletId(ase.name(), name);
    return storage.read(ase.sessionId(), reads -> reads.wallets().find(id));
  }

  /** A wallet of this provider by name, or 404. */
  public WalletRecord require(SessionAse ase, String name) {
    return find(ase, name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "there is no wallet address " + ase.walletUrl(name) + " on this server"));
  }

  /** A wallet of any provider of the session by URL. */
  public Optional<WalletRecord> findByUrl(Session session, String url) {
    return idOf(session, url).flatMap(id -> storage.read(session.id(), r -> r.wallets().find(id)));
  }

  /** The wallet a URL names in a session, if it has the shape of one (it may not exist). */
  public static Optional<WalletId> idOf(Session session, String url) {
    return session.owning(url).flatMap(a -> a.walletIdOf(url));
  }

  /**
   * The wallet a resource-server request names, which must be a wallet of the provider serving it
   * in this session; 400 otherwise.
   */
  public static WalletRecord onResourceServer(Reads reads, SessionAse ase, String url) {
    return ase.walletIdOf(url)
        .flatMap(id -> reads.wallets().find(id))
        .orElseThrow(() -> notOnThisServer(ase, url));
  }

  /** As {@link #onResourceServer(Reads, SessionAse, String)}, inside a transaction. */
  public static WalletRecord onResourceServer(Tx tx, SessionAse ase, String url) {
    return ase.walletIdOf(url)
        .flatMap(id -> tx.wallets().find(id))
        .orElseThrow(() -> notOnThisServer(ase, url));
  }

  private static ApiException notOnThisServer(SessionAse ase, String url) {
    return ApiException.badRequest(
        "walletAddress "
            + url
            + " is not a wallet address of this resource server ("
            + ase.base()
            + ")");
  }

  /** Every wallet address of a provider in a session, oldest first. */
  public List<WalletRecord> all(SessionAse ase) {
    return storage.read(ase.sessionId(), reads -> reads.wallets().all(ase.name()));
  }

  /** The wallet address document (wallet-address-server spec, schema {@code wallet-address}). */
  public static WalletAddress document(SessionAse ase, WalletRecord wallet) {
    return new WalletAddress(
        ase.walletUrl(wallet.id()),
        wallet.publicNameIfAny().orElse(null),
        wallet.asset().code(),
        wallet.asset().scale(),
        ase.authServerUrl(),
        ase.resourceServerUrl());
  }

  /** The wallet's keys document ({@code jwks.json}). */
  public static JwkSet keys(WalletRecord wallet) {
    return new JwkSet(wallet.keys());
  }

  /** The available balance and what payments in progress hold, read together. */
  public Balances balances(SessionAse ase, WalletRecord wallet) {
    return storage.read(
        ase.sessionId(),
        reads ->
            new Balances(
                Ledger.balance(reads.ledger(), available(wallet)),
                Ledger.balance(reads.ledger(), reserved(wallet))));
  }

  /**
   * A wallet's money.
   *
   * @param available what it can spend
   * @param reserved what its outgoing payments in progress hold
   */
  public record Balances(BigInteger available, BigInteger reserved) {}

  /**
   * Sets the available balance: the issuer deposits or takes back the difference, so the books stay
   * balanced. With what outgoing payments in progress reserved it must stay at most 2^64 - 1, so
   * that a payment that fails can still return its reservation.
   */
  public WalletRecord setBalance(SessionAse ase, String name, BigInteger value) {
    checkBalance(value);
    return storage.write(
        ase.sessionId(),
        tx -> {
          WalletRecord wallet = requireForUpdate(tx, ase, name);
          setBalance(tx, wallet, value);
          return wallet;
        });
  }

  private static void setBalance(Tx tx, WalletRecord wallet, BigInteger value) {
    Account issuer = Account.system(AccountKind.ISSUER, wallet.asset());
    Account account = available(wallet);
    BigInteger reserved = Ledger.balance(tx.ledger(), reserved(wallet));
    if (value.add(reserved).compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          "the wallet address "
              + wallet.id()
              + " has "
              + reserved
              + " reserved by outgoing payments in progress, and with it a wallet may hold at"
              + " most 2^64 - 1, so its balance can be at most "
              + Ledger.MAX_BALANCE.subtract(reserved)
              + " now, not "
              + value);
    }
    BigInteger delta = value.subtract(Ledger.balance(tx.ledger(), account));
    Transfer.Builder transfer = Transfer.builder("set the balance of " + wallet.id());
    if (delta.signum() > 0) {
      transfer.move(issuer, account, delta);
    } else {
      transfer.move(account, issuer, delta.negate());
    }
    Ledger.post(tx.ledger(), transfer.build());
  }

  /**
   * Registers a client's public key on the wallet's {@code jwks.json}.
   *
   * @throws ApiException 400 when it is not an Ed25519 JWK, 409 when the kid is taken
   */
  public Jwk addKey(SessionAse ase, String name, Jwk key) {
    if (key == null) {
      throw ApiException.badRequest("send the key as {\"jwk\": {kid, alg, kty, crv, x}}");
    }
    try {
      ClientKeys.check(key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return storage.write(
        ase.sessionId(),
        tx -> {
          WalletRecord wallet = requireForUpdate(tx, ase, name);
          if (wallet.key(key.kid()).isPresent()) {
            throw new ApiException(
                409,
                ErrorCodes.CONFLICT,
                "the wallet address "
                    + ase.walletUrl(name)
                    + " has a key with kid '"
                    + key.kid()
                    + "' already; delete it first or use another kid");
          }
          tx.wallets().save(wallet.withKey(key));
          tx.afterCommit(() -> keysChanged.forEach(Runnable::run));
          return key;
        });
  }

  /** Removes a key; 404 when the wallet has no key with that kid. */
  public void removeKey(SessionAse ase, String name, String kid) {
    storage.write(
        ase.sessionId(),
        tx -> {
          WalletRecord wallet = requireForUpdate(tx, ase, name);
          if (wallet.key(kid).isEmpty()) {
            throw ApiException.notFound(
                "the wallet address " + ase.walletUrl(name) + " has no key with kid '" + kid + "'");
          }
          tx.wallets().save(wallet.withoutKey(kid));
          tx.afterCommit(() -> keysChanged.forEach(Runnable::run));
          return null;
        });
  }

  /** Inside a transaction: whether the sandbox wallet at {@code url} lists the key {@code kid}. */
  public boolean listsKey(Tx tx, Session session, String url, String kid) {
    return idOf(session, url)
        .flatMap(id -> tx.wallets().find(id))
        .flatMap(w -> w.key(kid))
        .isPresent();
  }

  /**
   * Inside a transaction: removes the key {@code kid} from the sandbox wallet at {@code url} (a
   * client's key rotated out by its operator), leaving its other keys.
   *
   * @return how many keys the wallet lists after it, or empty when {@code url} names no wallet of
   *     the session or the wallet has no such key
   */
  public Optional<Integer> rotateOut(Tx tx, Session session, String url, String kid) {
    Optional<WalletRecord> wallet = idOf(session, url).flatMap(id -> tx.wallets().forUpdate(id));
    if (wallet.isEmpty() || kid == null || wallet.get().key(kid).isEmpty()) {
      return Optional.empty();
    }
    WalletRecord rotated = wallet.get().withoutKey(kid);
    tx.wallets().save(rotated);
    tx.afterCommit(() -> keysChanged.forEach(Runnable::run));
    return Optional.of(rotated.keys().size());
  }

  /** Runs {@code listener} after every key added to or removed from a wallet. */
  public void onKeysChanged(Runnable listener) {
    keysChanged.add(listener);
  }

  /** Makes the wallet's next {@code count} outgoing payments fail (0 clears it). */
  public WalletRecord failNext(SessionAse ase, String name, int count) {
    if (count < 0) {
      throw ApiException.badRequest("'count' cannot be negative, got " + count);
    }
    return storage.write(
        ase.sessionId(),
        tx -> {
          WalletRecord wallet = requireForUpdate(tx, ase, name).withPendingFailures(count);
          tx.wallets().save(wallet);
          return wallet;
        });
  }

  /** The wallet's available balance account. */
  public static Account available(WalletRecord wallet) {
    return Account.available(wallet.id(), wallet.asset());
  }

  /** The wallet's account for money its payments in progress hold. */
  public static Account reserved(WalletRecord wallet) {
    return Account.reserved(wallet.id(), wallet.asset());
  }

  private static WalletRecord requireForUpdate(Tx tx, SessionAse ase, String name) {
    return tx.wallets()
        .forUpdate(new WalletId(ase.name(), name))
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "there is no wallet address " + ase.walletUrl(name) + " on this server"));
  }

  private static void checkBalance(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          "a balance must be from 0 to 2^64 - 1 in the asset's smallest unit, got " + value);
    }
  }
}
