package dev.opkit.mock.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientIdentity;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds what a client publishes at its wallet address (PROTOCOL.md §2): its keys ({@code
 * {client}/jwks.json}) and its public name. A wallet address of this sandbox, under any URL that
 * certainly reaches it, is read in process, so a request never waits on an HTTP call back into the
 * sandbox and a key removed through the admin API stops working at once; any other is fetched over
 * HTTP with bounded time-outs and size. Fetched key sets are kept in a bounded cache (by number of
 * keys and by age), one fetch at a time per URL, and fetched again for an unknown {@code keyid} at
 * most once a second, so requests naming made-up keys cannot make the sandbox hammer a key server.
 */
public final class ClientDirectory {
  /** The least time between two fetches of one key set, whatever keyids requests name. */
  public static final Duration LEAST_REFETCH_INTERVAL = Duration.ofSeconds(1);

  /** How many keys, over every fetched key set, the cache holds at most. */
  static final long MAX_CACHED_KEYS = 20_000;

  /** How many decoded keys are kept at most. */
  static final long MAX_DECODED_KEYS = 10_000;

  private final WalletService wallets;
  private final List<Ase> ases;
  private final OwnOrigins origins;
  private final JwksFetcher fetcher;
  private final Duration lifetime;
  private final Clock realClock;
  private final AsyncCache<String, FetchedKeys> fetched;
  // Decoding a key (base64url, curve point) on every request is waste: a JWK's value never changes.
  private final Cache<Jwk, Ed25519PublicKey> decoded;

  /**
   * @param wallets this sandbox's wallet addresses
   * @param ases this sandbox's providers, to tell its URLs from outside ones
   * @param origins this sandbox's names, to know its wallet addresses under other spellings
   * @param fetcher fetches outside documents
   * @param cacheLifetime how long an outside key set is reused (at least {@link
   *     #LEAST_REFETCH_INTERVAL})
   * @param realClock real time, for the cache
   */
  public ClientDirectory(
      WalletService wallets,
      List<Ase> ases,
      OwnOrigins origins,
      JwksFetcher fetcher,
      Duration cacheLifetime,
      Clock realClock) {
    this.wallets = wallets;
    this.ases = ases;
    this.origins = origins;
    this.fetcher = fetcher;
    this.lifetime =
        cacheLifetime.compareTo(LEAST_REFETCH_INTERVAL) < 0
            ? LEAST_REFETCH_INTERVAL
            : cacheLifetime;
    this.realClock = realClock;
    this.fetched =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(realClock.millis()))
            .expireAfterWrite(lifetime)
            .maximumWeight(MAX_CACHED_KEYS)
            .<String, FetchedKeys>weigher((url, keys) -> 1 + keys.keys().keys().size())
            .buildAsync();
    this.decoded = Caffeine.newBuilder().maximumSize(MAX_DECODED_KEYS).build();
  }

  /**
   * The key lookup for a client's signatures; it writes what it does into {@code trace}.
   *
   * @return a lookup that throws {@link ClientKeysUnavailable} when the keys cannot be had
   */
  public KeyLookup keysOf(SessionAse ase, ClientIdentity client, KeyLookupTrace trace) {
    if (client instanceof ClientIdentity.DirectedKey key) {
      return keyId -> {
        trace.lookingFor(keyId);
        return directedKey(key, keyId, trace);
      };
    }
    ClientIdentity.WalletAddress wallet = (ClientIdentity.WalletAddress) client;
    return keyId -> {
      trace.lookingFor(keyId);
      return walletKey(ase.session(), wallet, keyId, trace);
    };
  }

  /**
   * The {@code publicName} of a client's wallet address document.
   *
   * @return empty when the document has none
   * @throws ClientKeysUnavailable when the document cannot be had
   */
  public Optional<String> publicName(SessionAse ase, ClientIdentity.WalletAddress client) {
    Optional<String> own = sandboxUrl(client.url());
    if (own.isPresent()) {
      return sandboxWallet(ase.session(), client.url(), own.get()).publicNameIfAny();
    }
    JsonNode document = fetcher.getJson(client.url());
    JsonNode name = document.get("publicName");
    return name != null && name.isTextual() && !name.asText().isBlank()
        ? Optional.of(name.asText())
        : Optional.empty();
  }

  /**
   * Forgets every key set fetched over HTTP, after a key of this sandbox's wallets was added or
   * removed: one of them may be this sandbox under a name only {@code *} allows, and a removed key
   * must stop working at once under every URL of its wallet.
   */
  public void keysChanged() {
    fetched.synchronous().invalidateAll();
  }

  /** Forgets every cached key set (sandbox reset). */
  public void clear() {
    fetched.synchronous().invalidateAll();
    decoded.invalidateAll();
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
      Session session, ClientIdentity.WalletAddress client, String keyId, KeyLookupTrace trace) {
    String url = client.jwksUrl();
    Optional<String> own = sandboxUrl(client.url());
    if (own.isPresent()) {
      JwkSet keys = new JwkSet(sandboxWallet(session, client.url(), own.get()).keys());
      trace.add(
          "read "
              + own.get()
              + "/jwks.json in process"
              + (own.get().equals(client.url()) ? "" : " (" + url + " names it)")
              + ": "
              + kids(keys));
      return found(keys, keyId, url, trace);
    }
    CompletableFuture<FetchedKeys> current = fetched.getIfPresent(url);
    FetchedKeys copy = completed(current);
    if (copy != null) {
      Duration age = Duration.between(copy.fetchedAt(), realClock.instant());
      if (age.compareTo(lifetime) <= 0) {
        trace.add(
            "cached copy of " + url + " (" + age.toSeconds() + " s old): " + kids(copy.keys()));
        if (copy.keys().find(keyId).isPresent()) {
          return found(copy.keys(), keyId, url, trace);
        }
        if (age.compareTo(LEAST_REFETCH_INTERVAL) < 0) {
          trace.add(
              "keyid \""
                  + keyId
                  + "\" not in the copy fetched "
                  + age.toMillis()
                  + " ms ago; a key set is fetched again at most once a second");
          return Optional.empty();
        }
        trace.add("keyid \"" + keyId + "\" not in the cached copy, fetching it again");
      }
    }
    FetchedKeys fresh = fetchOnce(url, current, trace);
    return found(fresh.keys(), keyId, url, trace);
  }

  /**
   * Fetches a key set in place of the copy {@code seen} (null: none), or waits for the fetch
   * another request started, or takes the copy it just fetched: concurrent requests of one client
   * cause one fetch.
   */
  private FetchedKeys fetchOnce(
      String url, CompletableFuture<FetchedKeys> seen, KeyLookupTrace trace) {
    ConcurrentMap<String, CompletableFuture<FetchedKeys>> copies = fetched.asMap();
    CompletableFuture<FetchedKeys> mine = new CompletableFuture<>();
    CompletableFuture<FetchedKeys> winner =
        copies.compute(
            url,
            (key, now) ->
                now == null || now.isCompletedExceptionally() || (now == seen && now.isDone())
                    ? mine
                    : now);
    if (winner == mine) {
      try {
        mine.complete(new FetchedKeys(fetcher.getJwks(url), realClock.instant()));
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        copies.remove(url, mine);
      }
    }
    FetchedKeys result;
    try {
      result = winner.join();
    } catch (CompletionException e) {
      String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      trace.add("fetching failed: " + why);
      throw new ClientKeysUnavailable("client wallet address unreachable: " + why, e.getCause());
    }
    trace.add(
        (winner == mine ? "fetched " : "waited for another request's fetch of ")
            + url
            + " over HTTP: "
            + kids(result.keys()));
    return result;
  }

  private Optional<Ed25519PublicKey> found(
      JwkSet keys, String keyId, String url, KeyLookupTrace trace) {
    Optional<Jwk> jwk = keys.find(keyId);
    if (jwk.isEmpty()) {
      trace.add("keyid \"" + keyId + "\" not found");
      return Optional.empty();
    }
    trace.add("keyid \"" + keyId + "\" found");
    return Optional.of(decoded(jwk.get(), "key \"" + keyId + "\" of " + url));
  }

  /** The decoded key of a JWK, decoded once while it is in use. */
  private Ed25519PublicKey decoded(Jwk jwk, String what) {
    Ed25519PublicKey key = decoded.getIfPresent(jwk);
    if (key == null) {
      key = usable(jwk, what);
      decoded.put(jwk, key);
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

  /** The URL this sandbox publishes for a client wallet address it serves, or empty. */
  private Optional<String> sandboxUrl(String url) {
    return origins
        .canonicalUrl(url)
        .or(
            () ->
                ases.stream().anyMatch(ase -> ase.owns(url)) ? Optional.of(url) : Optional.empty());
  }

  /**
   * A wallet address of this sandbox, looked up in the requesting session only: a URL of another
   * session (or one that no longer exists) is no wallet address here, never fetched over HTTP.
   */
  private WalletRecord sandboxWallet(Session session, String url, String canonical) {
    return wallets
        .findByUrl(session, canonical)
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

  private static FetchedKeys completed(CompletableFuture<FetchedKeys> pending) {
    return pending != null && pending.isDone() && !pending.isCompletedExceptionally()
        ? pending.join()
        : null;
  }

  /** A key set fetched over HTTP, and when. */
  private record FetchedKeys(JwkSet keys, Instant fetchedAt) {}
}
