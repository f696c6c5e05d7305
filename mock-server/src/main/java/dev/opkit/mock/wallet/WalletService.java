package dev.opkit.mock.wallet;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.ledger.Account;
import dev.opkit.mock.ledger.AccountKind;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.Transfer;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.model.WalletAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wallet addresses: opening them with money from the issuer, their public document and keys, and
 * the balance powers of the admin API.
 */
public final class WalletService {
  private final WalletStore store;
  private final Ledger ledger;
  private final AtomicLong ordinals = new AtomicLong();
  private final List<Runnable> keysChanged = new CopyOnWriteArrayList<>();

  public WalletService(WalletStore store, Ledger ledger) {
    this.store = store;
    this.ledger = ledger;
  }

  /**
   * Opens a wallet address on a provider and deposits its opening balance.
   *
   * @throws ApiException 400 for a bad name or asset, 409 when the name is taken
   */
  public Wallet create(Ase ase, NewWallet spec) {
    try {
      WalletNames.check(spec.name());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (spec.balance().signum() < 0 || spec.balance().compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          "a balance must be from 0 to 2^64 - 1 in the asset's smallest unit, got "
              + spec.balance());
    }
    String url = ase.walletUrl(spec.name());
    if (store.findByUrl(url).isPresent()) {
      throw new ApiException(
          409, ErrorCodes.CONFLICT, "the wallet address " + url + " exists already");
    }
    Account account = ledger.account(AccountKind.WALLET, url, spec.asset());
    Account reserved = ledger.account(AccountKind.RESERVED, url, spec.asset());
    Wallet wallet =
        new Wallet(
            ase,
            spec.name(),
            spec.publicName(),
            spec.asset(),
            account,
            reserved,
            ordinals.incrementAndGet());
    if (!store.add(wallet)) {
      throw new ApiException(
          409, ErrorCodes.CONFLICT, "the wallet address " + url + " exists already");
    }
    setBalance(wallet, spec.balance());
    return wallet;
  }

  public Optional<Wallet> find(Ase ase, String name) {
    return store.findByUrl(ase.walletUrl(name));
  }

  /** A wallet of this provider by name, or 404. */
  public Wallet require(Ase ase, String name) {
    return find(ase, name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "there is no wallet address " + ase.walletUrl(name) + " on this server"));
  }

  /**
   * The wallet a resource-server request names, which must be a wallet of the provider serving it;
   * 400 otherwise.
   */
  public Wallet onResourceServer(Ase ase, String url) {
    return findByUrl(url)
        .filter(w -> w.ase() == ase)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "walletAddress "
                        + url
                        + " is not a wallet address of this resource server ("
                        + ase.publicBase()
                        + ")"));
  }

  /** A wallet of any provider of the sandbox by URL. */
  public Optional<Wallet> findByUrl(String url) {
    return store.findByUrl(url);
  }

  /** Every wallet address of a provider, oldest first. */
  public List<Wallet> all(Ase ase) {
    return store.all(ase);
  }

  /** The wallet address document (wallet-address-server spec, schema {@code wallet-address}). */
  public WalletAddress document(Wallet wallet) {
    Ase ase = wallet.ase();
    return new WalletAddress(
        wallet.url(),
        wallet.publicName().orElse(null),
        wallet.asset().code(),
        wallet.asset().scale(),
        ase.authServerUrl(),
        ase.resourceServerUrl());
  }

  /** The wallet's keys document ({@code jwks.json}). */
  public JwkSet keys(Wallet wallet) {
    return new JwkSet(wallet.keys());
  }

  /**
   * Sets the available balance: the issuer deposits or takes back the difference, so the books stay
   * balanced. With what outgoing payments in progress reserved it must stay at most 2^64 - 1, so
   * that a payment that fails can still return its reservation.
   */
  public void setBalance(Wallet wallet, BigInteger value) {
    if (value.signum() < 0 || value.compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          "a balance must be from 0 to 2^64 - 1 in the asset's smallest unit, got " + value);
    }
    Account issuer = ledger.system(AccountKind.ISSUER, wallet.asset());
    wallet.lock().lock();
    try {
      BigInteger reserved = wallet.reserved().balance();
      if (value.add(reserved).compareTo(Ledger.MAX_BALANCE) > 0) {
        throw ApiException.badRequest(
            wallet.url()
                + " has "
                + reserved
                + " reserved by outgoing payments in progress, and with it a wallet may hold at"
                + " most 2^64 - 1, so its balance can be at most "
                + Ledger.MAX_BALANCE.subtract(reserved)
                + " now, not "
                + value);
      }
      BigInteger delta = value.subtract(wallet.account().balance());
      Transfer.Builder transfer = Transfer.builder("set the balance of " + wallet.url());
      if (delta.signum() > 0) {
        transfer.move(issuer, wallet.account(), delta);
      } else {
        transfer.move(wallet.account(), issuer, delta.negate());
      }
      ledger.post(transfer.build());
    } finally {
      wallet.lock().unlock();
    }
  }

  /**
   * Registers a client's public key on the wallet's {@code jwks.json}.
   *
   * @throws ApiException 400 when it is not an Ed25519 JWK, 409 when the kid is taken
   */
  public Jwk addKey(Wallet wallet, Jwk key) {
    if (key == null) {
      throw ApiException.badRequest("send the key as {\"jwk\": {kid, alg, kty, crv, x}}");
    }
    if (key.kid() == null || key.kid().isBlank()) {
      throw ApiException.badRequest("the JWK needs a \"kid\": the keyid your client signs with");
    }
    if (key.alg() == null) {
      throw ApiException.badRequest(
          "the JWK needs \"alg\": \"EdDSA\" (required by the wallet address spec)");
    }
    try {
      Ed25519PublicKey.fromJwk(key);
    } catch (KeyFormatException e) {
      throw ApiException.badRequest("not an Open Payments key: " + e.getMessage());
    }
    if (!wallet.addKey(key)) {
      throw new ApiException(
          409,
          ErrorCodes.CONFLICT,
          "the wallet address "
              + wallet.url()
              + " has a key with kid '"
              + key.kid()
              + "' already; delete it first or use another kid");
    }
    keysChanged.forEach(Runnable::run);
    return key;
  }

  /** Removes a key; 404 when the wallet has no key with that kid. */
  public void removeKey(Wallet wallet, String kid) {
    if (!wallet.removeKey(kid)) {
      throw ApiException.notFound(
          "the wallet address " + wallet.url() + " has no key with kid '" + kid + "'");
    }
    keysChanged.forEach(Runnable::run);
  }

  /** Runs {@code listener} after every key added to or removed from a wallet. */
  public void onKeysChanged(Runnable listener) {
    keysChanged.add(listener);
  }

  /** Makes the wallet's next {@code count} outgoing payments fail (0 clears it). */
  public void failNext(Wallet wallet, int count) {
    if (count < 0) {
      throw ApiException.badRequest("'count' cannot be negative, got " + count);
    }
    wallet.failNext(count);
  }

  /** Forgets every wallet (sandbox reset). */
  public void clear() {
    store.clear();
  }
}
