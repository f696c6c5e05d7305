package dev.opkit.mock.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.signature.KeyLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Finds what a client publishes at its wallet address (PROTOCOL.md §2): its keys ({@code
 * {client}/jwks.json}) and its public name. A wallet address of this sandbox is read in process, so
 * a request never waits on an HTTP call back into the sandbox; any other is fetched over HTTP with
 * bounded time-outs, and its key set is reused for a short while.
 */
public final class ClientDirectory {
  private final WalletService wallets;
  private final Supplier<Session> session;
  private final List<Ase> ases;
  private final JwksFetcher fetcher;
  private final Duration cacheLifetime;
  private final Clock realClock;
  private final ConcurrentMap<String, CachedKeys> cache = new ConcurrentHashMap<>();
  // Decoding a key (base64url, curve point) on every request is waste: a JWK's value never changes.
  private final ConcurrentMap<Jwk, Ed25519PublicKey> parsed = new ConcurrentHashMap<>();

  /**
   * @param wallets this sandbox's wallet addresses
   * @param session the session whose wallets clients of this sandbox are
   * @param ases this sandbox's providers, to tell its URLs from outside ones
   * @param fetcher fetches outside documents
   * @param cacheLifetime how long an outside key set is reused
   * @param realClock real time, for the cache
   */
  public ClientDirectory(
      WalletService wallets,
      Supplier<Session> session,
      List<Ase> ases,
      JwksFetcher fetcher,
      Duration cacheLifetime,
      Clock realClock) {
    this.wallets = wallets;
    this.session = session;
    this.ases = ases;
    this.fetcher = fetcher;
    this.cacheLifetime = cacheLifetime;
    this.realClock = realClock;
  }

  /**
   * The key lookup for a client's signatures; it writes what it does into {@code trace}.
   *
   * @return a lookup that throws {@link ClientKeysUnavailable} when the keys cannot be had
   */
  public KeyLookup keysOf(ClientIdentity client, KeyLookupTrace trace) {
    if (client instanceof ClientIdentity.DirectedKey key) {
      return keyId -> {
        trace.lookingFor(keyId);
        return directedKey(key, keyId, trace);
      };
    }
    ClientIdentity.WalletAddress wallet = (ClientIdentity.WalletAddress) client;
    return keyId -> {
      trace.lookingFor(keyId);
      return walletKey(wallet, keyId, trace);
    };
  }

  /**
   * The {@code publicName} of a client's wallet address document.
   *
   * @return empty when the document has none
   * @throws ClientKeysUnavailable when the document cannot be had
   */
  public Optional<String> publicName(ClientIdentity.WalletAddress client) {
    if (inSandbox(client.url())) {
      return sandboxWallet(client.url()).publicNameIfAny();
    }
    JsonNode document = fetcher.getJson(client.url());
    JsonNode name = document.get("publicName");
    return name != null && name.isTextual() && !name.asText().isBlank()
        ? Optional.of(name.asText())
        : Optional.empty();
  }

  /** Forgets every cached key set (sandbox reset). */
  public void clear() {
    cache.clear();
    parsed.clear();
  }

  private Optional<Ed25519PublicKey> directedKey(
      ClientIdentity.DirectedKey client, String keyId, KeyLookupTrace trace) {
    String kid = client.jwk().kid();
    if (!keyId.equals(kid)) {
      trace.add(
          "the grant's client is the jwk with kid \""
              + kid
              + "\" (directed identity); keyid \""
              + keyId
              + "\" is not it");
      return Optional.empty();
    }
    trace.add("the grant's client is the jwk with kid \"" + kid + "\"; keyid matches");
    return Optional.of(usable(client.jwk(), "the client's jwk"));
  }

  private Optional<Ed25519PublicKey> walletKey(
      ClientIdentity.WalletAddress client, String keyId, KeyLookupTrace trace) {
    String url = client.jwksUrl();
    if (inSandbox(client.url())) {
      JwkSet keys = new JwkSet(sandboxWallet(client.url()).keys());
      trace.add("read " + url + " in process: " + kids(keys));
      return found(keys, keyId, url, trace);
    }
    Instant now = realClock.instant();
    CachedKeys cached = cache.get(url);
    if (cached != null && !now.isAfter(cached.fetchedAt().plus(cacheLifetime))) {
      trace.add(
          "cached copy of "
              + url
              + " ("
              + Duration.between(cached.fetchedAt(), now).toSeconds()
              + " s old): "
              + kids(cached.keys()));
      if (cached.keys().find(keyId).isPresent()) {
        return found(cached.keys(), keyId, url, trace);
      }
      trace.add("keyid \"" + keyId + "\" not in the cached copy, fetching it again");
    }
    JwkSet fresh;
    try {
      fresh = fetcher.getJwks(url);
    } catch (ClientKeysUnavailable e) {
      trace.add("fetching failed: " + e.getMessage());
      throw new ClientKeysUnavailable(
          "client wallet address unreachable: " + e.getMessage(), e.getCause());
    }
    cache.put(url, new CachedKeys(fresh, realClock.instant()));
    trace.add("fetched " + url + " over HTTP: " + kids(fresh));
    return found(fresh, keyId, url, trace);
  }

  private Optional<Ed25519PublicKey> found(
      JwkSet keys, String keyId, String url, KeyLookupTrace trace) {
    Optional<Jwk> jwk = keys.find(keyId);
    if (jwk.isEmpty()) {
      trace.add("keyid \"" + keyId + "\" not found");
      return Optional.empty();
    }
    trace.add("keyid \"" + keyId + "\" found");
    return Optional.of(parsed(jwk.get(), "key \"" + keyId + "\" of " + url));
  }

  /** The decoded key of a JWK, decoded once. */
  private Ed25519PublicKey parsed(Jwk jwk, String what) {
    Ed25519PublicKey key = parsed.get(jwk);
    if (key == null) {
      key = usable(jwk, what);
      parsed.put(jwk, key);
    }
    return key;
  }

  private static Ed25519PublicKey usable(Jwk jwk, String what) {
    try {
      return Ed25519PublicKey.fromJwk(jwk);
    } catch (KeyFormatException e) {
      throw new ClientKeysUnavailable(what + " is not a usable Ed25519 JWK: " + e.getMessage(), e);
    }
  }

  private boolean inSandbox(String url) {
    return ases.stream().anyMatch(ase -> ase.owns(url));
  }

  private WalletRecord sandboxWallet(String url) {
    return wallets
        .findByUrl(session.get(), url)
        .orElseThrow(
            () ->
                new ClientKeysUnavailable(
                    "client wallet address unreachable: "
                        + url
                        + " is not a wallet address of this sandbox (GET "
                        + url
                        + " answers 404); create it with POST /admin/wallet-addresses"));
  }

  private static String kids(JwkSet keys) {
    return keys.keys().isEmpty()
        ? "it lists no keys"
        : "it lists "
            + String.join(", ", keys.keys().stream().map(k -> "\"" + k.kid() + "\"").toList());
  }

  /** A key set fetched over HTTP, and when. */
  private record CachedKeys(JwkSet keys, Instant fetchedAt) {}
}
