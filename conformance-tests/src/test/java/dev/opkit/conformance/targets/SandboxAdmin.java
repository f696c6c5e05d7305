package dev.opkit.conformance.targets;

import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.CreatedSession;
import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.ReportCard;
import dev.opkit.sandbox.admin.SandboxAdminException;
import dev.opkit.sandbox.admin.SessionInfo;
import dev.opkit.sandbox.admin.SessionOptions;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's admin API as the kit needs it, by wallet address URL across providers: wallets and
 * keys, balances, forced failures, the clock and sessions, on the typed admin client ({@link
 * dev.opkit.sandbox.admin.SandboxAdmin}). Works the same for a sandbox started in-process and one
 * started with {@code ./sandbox}, for its default session and for a session of its own ({@link
 * #openSession}). Thread-safe.
 */
public final class SandboxAdmin {
  private static final int MAX_SESSION_NAME = 100;

  private final List<String> providers;
  private final List<dev.opkit.sandbox.admin.SandboxAdmin> admins;
  private final String session;

  /**
   * @param providers each provider's public base URL, e.g. {@code http://localhost:4000}
   * @param secret the admin API's bearer secret, or null when it has none
   */
  public SandboxAdmin(List<String> providers, String secret) {
    this(checked(providers), connect(checked(providers), secret), null);
  }

  private SandboxAdmin(
      List<String> providers, List<dev.opkit.sandbox.admin.SandboxAdmin> admins, String session) {
    this.providers = List.copyOf(providers);
    this.admins = List.copyOf(admins);
    this.session = session;
  }

  private static List<dev.opkit.sandbox.admin.SandboxAdmin> connect(
      List<String> providers, String secret) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return providers.stream()
        .map(p -> dev.opkit.sandbox.admin.SandboxAdmin.connect(http, p + "/admin", secret))
        .toList();
  }

  private static List<String> checked(List<String> providers) {
    if (providers.isEmpty()) {
      throw new KitSetupException("a sandbox target needs at least one provider URL");
    }
    return providers.stream().map(SandboxAdmin::withoutTrailingSlash).toList();
  }

  /**
   * Makes a session of the sandbox (an isolated sandbox of its own clock, wallets and grants, with
   * no wallets to start with) and returns its admin API; {@link #discardSession} deletes it.
   *
   * @param name a name for people, e.g. the scenario's
   * @throws SandboxAdminException when the sandbox refuses, e.g. at its limit of sessions
   */
  public SandboxAdmin openSession(String name) {
    CreatedSession made =
        admins
            .get(0)
            .createSession(
                SessionOptions.defaults()
                    .withName(
                        name.length() > MAX_SESSION_NAME
                            ? name.substring(0, MAX_SESSION_NAME)
                            : name)
                    .withoutWallets());
    List<String> bases = new ArrayList<>();
    List<dev.opkit.sandbox.admin.SandboxAdmin> sessionAdmins = new ArrayList<>();
    for (String provider : providers) {
      SessionInfo.Provider match = null;
      for (SessionInfo.Provider candidate : made.info().providers()) {
        if (candidate.resourceServer().startsWith(provider + "/")) {
          match = candidate;
        }
      }
      if (match == null) {
        throw new IllegalStateException(
            "the sandbox's new session names no URLs under " + provider + ": " + made.info());
      }
      bases.add(match.resourceServer());
      sessionAdmins.add(admins.get(0).session(made, match.name()));
    }
    return new SandboxAdmin(bases, sessionAdmins, made.id());
  }

  /** Deletes the session this admin API is of (see {@link #openSession}). */
  public void discardSession() {
    if (session == null) {
      throw new IllegalStateException("the default session cannot be discarded");
    }
    admins.get(0).deleteSession(session);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The providers' base URLs, in order: where wallet addresses start (in a session, the origin and
   * the session's segment).
   */
  public List<String> providers() {
    return providers;
  }

  /**
   * Checks that every provider answers its admin API.
   *
   * @throws KitSetupException saying which provider does not and what to do
   */
  public void requireReachable() {
    for (int i = 0; i < providers.size(); i++) {
      String provider = providers.get(i);
      try {
        if (!admins.get(i).index().has("walletAddresses")) {
          throw new KitSetupException(
              provider
                  + "/admin answered something other than the sandbox's admin index; is "
                  + provider
                  + " this project's sandbox, with its admin API enabled?");
        }
      } catch (UncheckedIOException e) {
        throw new KitSetupException(
            "no sandbox answers at "
                + provider
                + " ("
                + e.getCause().getClass().getSimpleName()
                + "). Start one with ./sandbox, or point "
                + KitSettings.SANDBOX_URLS
                + " at the providers of a running sandbox");
      } catch (SandboxAdminException e) {
        if (e.status() == 401) {
          throw new KitSetupException(
              "the admin API at "
                  + provider
                  + "/admin needs a secret; set "
                  + KitSettings.ADMIN_SECRET
                  + " to the sandbox's admin secret");
        }
        throw new KitSetupException(
            provider
                + "/admin answered "
                + e.status()
                + " instead of the sandbox's admin index; is "
                + provider
                + " this project's sandbox, with its admin API enabled?");
      } catch (IllegalStateException e) {
        throw new KitSetupException(
            provider + "/admin answered no JSON; is " + provider + " this project's sandbox?");
      }
    }
  }

  /**
   * Opens a wallet address on a provider.
   *
   * @param provider the provider's index in {@link #providers()}
   * @param publicName the name shown on consent pages, or null
   * @return the wallet address URL
   */
  public String createWallet(
      int provider,
      String name,
      String publicName,
      String assetCode,
      int assetScale,
      BigInteger balance) {
    return admins
        .get(provider)
        .createWallet(new NewWallet(name, publicName, assetCode, assetScale, balance))
        .id();
  }

  /** Registers a public key on a wallet address's {@code jwks.json}. */
  public void addKey(String walletAddress, Jwk jwk) {
    Wallet wallet = walletOf(walletAddress);
    wallet.admin().addKey(wallet.name(), jwk);
  }

  /** The wallet's available balance, in its asset's smallest unit. */
  public BigInteger balance(String walletAddress) {
    Wallet wallet = walletOf(walletAddress);
    return wallet.admin().wallet(wallet.name()).balance().value();
  }

  /** Sets the wallet's available balance, in its asset's smallest unit. */
  public void setBalance(String walletAddress, BigInteger value) {
    Wallet wallet = walletOf(walletAddress);
    wallet.admin().setBalance(wallet.name(), value);
  }

  /** Makes the wallet's next {@code count} outgoing payments fail. */
  public void failNextPayments(String walletAddress, int count) {
    Wallet wallet = walletOf(walletAddress);
    wallet.admin().failNextPayments(wallet.name(), count);
  }

  /** Switches a misbehaviour on in the session (issue 18). */
  public void misbehave(Misbehaviour misbehaviour) {
    admins.get(0).misbehave(misbehaviour);
  }

  /** The client's report card of the session. */
  public ReportCard report() {
    return admins.get(0).report();
  }

  /** The sandbox clock's time. */
  public Instant now() {
    return admins.get(0).now();
  }

  /** Moves the sandbox clock forward; returns the new time. */
  public Instant advance(Duration duration) {
    return admins.get(0).advance(duration);
  }

  /** Sets the sandbox clock; returns the new time. */
  public Instant setNow(Instant now) {
    return admins.get(0).setClock(now);
  }

  private record Wallet(dev.opkit.sandbox.admin.SandboxAdmin admin, String name) {}

  private Wallet walletOf(String walletAddress) {
    for (int i = 0; i < providers.size(); i++) {
      String provider = providers.get(i);
      if (walletAddress.startsWith(provider + "/")) {
        return new Wallet(admins.get(i), walletAddress.substring(provider.length() + 1));
      }
    }
    throw new IllegalArgumentException(
        walletAddress + " is not a wallet address of this sandbox's providers " + providers);
  }
}
