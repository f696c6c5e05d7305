package dev.opkit.mock.auth;

import dev.opkit.mock.store.AutoConsent;
import dev.opkit.protocol.gnap.AccessType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The auth server's settings (PROTOCOL.md §4 and §10), shared by every provider of a sandbox.
 *
 * @param autoConsent what the consent page does without a person; {@code off} by default
 * @param interactionLifetime how long a consent page stays usable, by the sandbox clock
 * @param signatureMaxAge how old a signature's {@code created} may be, by real time
 * @param signatureMaxFutureSkew how far ahead of real time {@code created} may be
 * @param keyCacheLifetime how long a client's {@code jwks.json} fetched over HTTP is reused (at
 *     least 1 s in effect: a key set is fetched at most once a second)
 * @param keyFetchTimeout the connect and the read time-out of such a fetch, each
 * @param interactive the access types whose grants need the user's consent, unless a wallet says
 *     otherwise
 * @param listAllInteractive whether {@code list-all} on any type needs consent (Rafiki: yes)
 * @param walletInteractive per wallet address, written {@code ase/name} (e.g. {@code ase1/alice}),
 *     the access types that need consent when the grant names that wallet as {@code identifier}
 * @param journalSize how many signed requests each provider's request journal keeps
 */
public record AuthConfig(
    AutoConsent autoConsent,
    Duration interactionLifetime,
    Duration signatureMaxAge,
    Duration signatureMaxFutureSkew,
    Duration keyCacheLifetime,
    Duration keyFetchTimeout,
    Set<AccessType> interactive,
    Boolean listAllInteractive,
    Map<String, Set<AccessType>> walletInteractive,
    Integer journalSize) {

  public static final Duration DEFAULT_INTERACTION_LIFETIME = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SIGNATURE_MAX_AGE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_SIGNATURE_MAX_FUTURE_SKEW = Duration.ofMinutes(1);
  public static final Duration DEFAULT_KEY_CACHE_LIFETIME = Duration.ofSeconds(30);
  public static final Duration DEFAULT_KEY_FETCH_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_JOURNAL_SIZE = 200;

  /** Every default: outgoing payments need consent, nothing else except {@code list-all}. */
  public static final AuthConfig DEFAULTS =
      new AuthConfig(null, null, null, null, null, null, null, null, null, null);

  public AuthConfig {
    autoConsent = autoConsent == null ? AutoConsent.OFF : autoConsent;
    interactionLifetime =
        positive("interactionLifetime", interactionLifetime, DEFAULT_INTERACTION_LIFETIME);
    signatureMaxAge = positive("signatureMaxAge", signatureMaxAge, DEFAULT_SIGNATURE_MAX_AGE);
    signatureMaxFutureSkew =
        notNegative(
            "signatureMaxFutureSkew", signatureMaxFutureSkew, DEFAULT_SIGNATURE_MAX_FUTURE_SKEW);
    keyCacheLifetime =
        notNegative("keyCacheLifetime", keyCacheLifetime, DEFAULT_KEY_CACHE_LIFETIME);
    keyFetchTimeout = positive("keyFetchTimeout", keyFetchTimeout, DEFAULT_KEY_FETCH_TIMEOUT);
    interactive =
        interactive == null ? Set.of(AccessType.OUTGOING_PAYMENT) : Set.copyOf(interactive);
    listAllInteractive = listAllInteractive == null || listAllInteractive;
    walletInteractive = walletInteractive == null ? Map.of() : Map.copyOf(walletInteractive);
    for (String key : walletInteractive.keySet()) {
      if (!key.matches("[A-Za-z0-9][A-Za-z0-9_-]*/[^/]+")) {
        throw new IllegalArgumentException(
            "walletInteractive keys name a wallet as ase/name, e.g. ase1/alice; got '" + key + "'");
      }
    }
    journalSize = journalSize == null ? DEFAULT_JOURNAL_SIZE : journalSize;
    if (journalSize < 1) {
      throw new IllegalArgumentException("auth.journalSize must be at least 1, got " + journalSize);
    }
  }

  /** This configuration with another auto-consent setting. */
  public AuthConfig withAutoConsent(AutoConsent value) {
    return new AuthConfig(
        value,
        interactionLifetime,
        signatureMaxAge,
        signatureMaxFutureSkew,
        keyCacheLifetime,
        keyFetchTimeout,
        interactive,
        listAllInteractive,
        walletInteractive,
        journalSize);
  }

  /** This configuration with other key-fetch settings (for tests of slow key servers). */
  public AuthConfig withKeyFetch(Duration cacheLifetime, Duration timeout) {
    return new AuthConfig(
        autoConsent,
        interactionLifetime,
        signatureMaxAge,
        signatureMaxFutureSkew,
        cacheLifetime,
        timeout,
        interactive,
        listAllInteractive,
        walletInteractive,
        journalSize);
  }

  /** This configuration with other interactive access types. */
  public AuthConfig withInteractive(Set<AccessType> types, Map<String, Set<AccessType>> perWallet) {
    return new AuthConfig(
        autoConsent,
        interactionLifetime,
        signatureMaxAge,
        signatureMaxFutureSkew,
        keyCacheLifetime,
        keyFetchTimeout,
        types,
        listAllInteractive,
        perWallet,
        journalSize);
  }

  /** The access types that need consent for a wallet ({@code ase/name}), or the global ones. */
  public Set<AccessType> interactiveFor(String aseName, String walletName) {
    return walletInteractive.getOrDefault(aseName + "/" + walletName, interactive);
  }

  private static Duration positive(String name, Duration value, Duration fallback) {
    Duration result = value == null ? fallback : value;
    if (result.isNegative() || result.isZero()) {
      throw new IllegalArgumentException("auth." + name + " must be positive, got " + result);
    }
    return result;
  }

  private static Duration notNegative(String name, Duration value, Duration fallback) {
    Duration result = value == null ? fallback : value;
    if (result.isNegative()) {
      throw new IllegalArgumentException("auth." + name + " cannot be negative, got " + result);
    }
    return result;
  }
}
