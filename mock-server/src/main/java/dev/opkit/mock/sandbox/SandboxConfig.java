package dev.opkit.mock.sandbox;

import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.events.WebhookConfig;
import dev.opkit.mock.http.AllowedHosts;
import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.session.MisbehaviourRequest;
import dev.opkit.mock.session.Scenarios;
import dev.opkit.mock.store.Misbehaviour;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of a sandbox, with the defaults a new user gets when there is no config file at
 * all: two wallet providers on ports 4000 and 4100, USD and EUR wallets with money, a USD/EUR rate
 * and a 1 % fee. Read from YAML or JSON by {@link SandboxConfigFile}; tests build it with {@link
 * #ephemeral()}.
 *
 * @param host the interface to listen on ({@code localhost}; {@code 0.0.0.0} in a container)
 * @param profile the behaviour profile of every provider that does not name its own
 * @param profileOverrides single switches applied on top of that profile
 * @param ases the wallet providers; at least one
 * @param rates exchange rates between asset codes
 * @param fees the fee rule of every outgoing payment
 * @param quoteLifetime how long a quote stays valid, by the sandbox clock
 * @param processingDelay how long an outgoing payment stays in progress (real time) before it
 *     settles; zero settles it while it is created
 * @param admin who may use the admin API
 * @param webhookUrl where events are POSTed as webhooks; absent: nowhere
 * @param eventLogCapacity how many events each provider's log keeps
 * @param auth the auth server's settings (consent, signatures, client keys, request journal)
 * @param webhook how webhooks are signed, timed out, retried and queued
 * @param allowedHosts host names the sandbox answers to besides its own (loopback, the listen
 *     address, the hosts of the public URLs), e.g. a container's or a LAN name; {@code *} allows
 *     any name and so switches off the defence against DNS rebinding
 * @param storage where the state lives: in memory (the default), a PostgreSQL database, or an
 *     embedded PostgreSQL in a data directory
 * @param misbehaviours what the default session's providers do wrong on purpose (as {@code POST
 *     /admin/sessions} takes them), after the scenario's
 * @param scenario a named scenario the default session starts with ({@link Scenarios}), or null
 */
public record SandboxConfig(
    String host,
    String profile,
    Map<String, Object> profileOverrides,
    List<AseConfig> ases,
    List<RateConfig> rates,
    FeeConfig fees,
    Duration quoteLifetime,
    Duration processingDelay,
    AdminConfig admin,
    String webhookUrl,
    int eventLogCapacity,
    AuthConfig auth,
    WebhookConfig webhook,
    List<String> allowedHosts,
    StorageConfig storage,
    List<MisbehaviourRequest> misbehaviours,
    String scenario) {

  public static final String DEFAULT_HOST = "localhost";
  public static final String DEFAULT_PROFILE = "rafiki";
  public static final Duration DEFAULT_QUOTE_LIFETIME = Duration.ofMinutes(5);
  public static final int DEFAULT_EVENT_LOG_CAPACITY = 10_000;
  public static final int DEFAULT_FIRST_PORT = 4000;
  public static final int DEFAULT_SECOND_PORT = 4100;
  private static final Set<String> WILDCARD_ADDRESSES = Set.of("0.0.0.0", "::", "[::]");

  public SandboxConfig {
    host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    profile = profile == null ? DEFAULT_PROFILE : profile;
    profileOverrides = profileOverrides == null ? Map.of() : Map.copyOf(profileOverrides);
    ases = ases == null || ases.isEmpty() ? defaultAses() : List.copyOf(ases);
    rates = rates == null ? defaultRates() : List.copyOf(rates);
    fees = fees == null ? FeeConfig.DEFAULT : fees;
    quoteLifetime = quoteLifetime == null ? DEFAULT_QUOTE_LIFETIME : quoteLifetime;
    processingDelay = processingDelay == null ? Duration.ZERO : processingDelay;
    admin = admin == null ? AdminConfig.OPEN : admin;
    webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl;
    eventLogCapacity = eventLogCapacity <= 0 ? DEFAULT_EVENT_LOG_CAPACITY : eventLogCapacity;
    auth = auth == null ? AuthConfig.DEFAULTS : auth;
    webhook = webhook == null ? WebhookConfig.DEFAULTS : webhook;
    storage = storage == null ? StorageConfig.IN_MEMORY : storage;
    checkWebhookUrl(webhookUrl);
    allowedHosts =
        allowedHosts == null
            ? List.of()
            : allowedHosts.stream().map(SandboxConfig::allowedHost).distinct().toList();
    if (quoteLifetime.isNegative() || quoteLifetime.isZero()) {
      throw new IllegalArgumentException("quoteLifetime must be positive, got " + quoteLifetime);
    }
    if (processingDelay.isNegative()
        || processingDelay.compareTo(SessionConfig.MAX_PROCESSING_DELAY) > 0) {
      throw new IllegalArgumentException(
          "processingDelay must be from PT0S to "
              + SessionConfig.MAX_PROCESSING_DELAY
              + ", got "
              + processingDelay);
    }
    misbehaviours = misbehaviours == null ? List.of() : List.copyOf(misbehaviours);
    scenario = scenario == null || scenario.isBlank() ? null : scenario;
    defaultMisbehaviours(scenario, misbehaviours);
    checkUnique(ases);
    for (AseConfig ase : ases) {
      resolveProfile(profile, profileOverrides, ase);
    }
  }

  /**
   * What the default session's providers do wrong on purpose: the scenario's misbehaviours, then
   * the ones given one by one, armed and counted from zero.
   */
  public List<Misbehaviour> defaultMisbehaviours() {
    return defaultMisbehaviours(scenario, misbehaviours);
  }

  private static List<Misbehaviour> defaultMisbehaviours(
      String scenario, List<MisbehaviourRequest> misbehaviours) {
    List<MisbehaviourRequest> all = new ArrayList<>();
    if (scenario != null) {
      try {
        all.addAll(Scenarios.named(scenario).misbehaviours());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'scenario': " + e.getMessage());
      }
    }
    all.addAll(misbehaviours);
    try {
      return MisbehaviourRequest.armAll(all);
    } catch (IllegalArgumentException e) {
      // without its cause: the config file's message is the outermost one, which names the index
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The sandbox a new user gets with no configuration at all. */
  public static SandboxConfig defaults() {
    return new SandboxConfig(
        null, null, null, null, null, null, null, null, null, null, 0, null, null, null, null, null,
        null);
  }

  /**
   * This configuration on loopback with every provider on a free port and its public URL following
   * the bound port: for tests and the conformance kit, which learn the URLs from {@link
   * Sandbox#ases()} after start.
   */
  public SandboxConfig ephemeral() {
    return withHost("127.0.0.1").withAses(ases.stream().map(a -> a.withPort(0)).toList());
  }

  /** The behaviour profile of one provider: its own or the sandbox's, plus overrides. */
  public BehaviourProfile profileOf(AseConfig ase) {
    return resolveProfile(profile, profileOverrides, ase);
  }

  public SandboxConfig withHost(String newHost) {
    return new SandboxConfig(
        newHost,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withProfile(String newProfile) {
    return new SandboxConfig(
        host,
        newProfile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withProfileOverrides(Map<String, Object> newOverrides) {
    return new SandboxConfig(
        host,
        profile,
        newOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withAses(List<AseConfig> newAses) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        newAses,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withAdmin(AdminConfig newAdmin) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        newAdmin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withWebhookUrl(String url) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        url,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withProcessingDelay(Duration delay) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        delay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withFees(FeeConfig newFees) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        newFees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withQuoteLifetime(Duration lifetime) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        lifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withAuth(AuthConfig newAuth) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        newAuth,
        webhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  public SandboxConfig withWebhook(WebhookConfig newWebhook) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        newWebhook,
        allowedHosts,
        storage,
        misbehaviours,
        scenario);
  }

  private static void checkWebhookUrl(String url) {
    if (url == null) {
      return;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("webhookUrl '" + url + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "webhookUrl must be an absolute http or https URL such as"
              + " http://localhost:8080/webhooks, got '"
              + url
              + "'");
    }
  }

  public SandboxConfig withAllowedHosts(List<String> hosts) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        hosts,
        storage,
        misbehaviours,
        scenario);
  }

  /**
   * The names this sandbox answers to: loopback, the interface it listens on (unless that is a
   * wildcard address), each configured public URL's host, and the allowed hosts.
   */
  public AllowedHosts hostNames() {
    List<String> names = new ArrayList<>();
    if (!WILDCARD_ADDRESSES.contains(host)) {
      names.add(host);
    }
    for (AseConfig ase : ases) {
      if (ase.publicUrl() != null) {
        names.add(URI.create(ase.publicUrl()).getHost());
      }
    }
    names.addAll(allowedHosts);
    return new AllowedHosts(names);
  }

  private static BehaviourProfile resolveProfile(
      String sandboxProfile, Map<String, Object> sandboxOverrides, AseConfig ase) {
    try {
      if (ase.profile() != null) {
        return BehaviourProfile.named(ase.profile()).withOverrides(ase.profileOverrides());
      }
      return BehaviourProfile.named(sandboxProfile)
          .withOverrides(sandboxOverrides)
          .withOverrides(ase.profileOverrides());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ASE '" + ase.name() + "': " + e.getMessage(), e);
    }
  }

  private static String allowedHost(String name) {
    try {
      return AllowedHosts.normalise(name);
    } catch (IllegalArgumentException e) {
      // No cause: the config reader reports the innermost message, which would lose the key.
      throw new IllegalArgumentException("allowedHosts: " + e.getMessage());
    }
  }

  private static void checkUnique(List<AseConfig> ases) {
    Set<String> names = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    Set<String> urls = new HashSet<>();
    for (AseConfig ase : ases) {
      if (!names.add(ase.name())) {
        throw new IllegalArgumentException("two ASEs are named '" + ase.name() + "'");
      }
      if (ase.port() != 0 && !ports.add(ase.port())) {
        throw new IllegalArgumentException(
            "two ASEs listen on port " + ase.port() + "; give each its own port");
      }
      if (ase.publicUrl() != null && !urls.add(ase.publicUrl())) {
        throw new IllegalArgumentException(
            "two ASEs share the public URL " + ase.publicUrl() + "; each needs its own origin");
      }
    }
  }

  private static List<AseConfig> defaultAses() {
    BigInteger thousand = BigInteger.valueOf(100_000);
    return List.of(
        new AseConfig(
            "ase1",
            DEFAULT_FIRST_PORT,
            null,
            null,
            null,
            List.of(
                new WalletSeed("alice", "Alice", "USD", 2, thousand, List.of()),
                new WalletSeed("bob", "Bob", "EUR", 2, thousand, List.of()))),
        new AseConfig(
            "ase2",
            DEFAULT_SECOND_PORT,
            null,
            null,
            null,
            List.of(
                new WalletSeed("carol", "Carol", "EUR", 2, thousand, List.of()),
                new WalletSeed("dave", "Dave", "USD", 2, thousand, List.of()))));
  }

  private static List<RateConfig> defaultRates() {
    return List.of(new RateConfig("USD", "EUR", new BigDecimal("0.9")));
  }

  /** This configuration keeping its state where {@code where} says. */
  public SandboxConfig withStorage(StorageConfig where) {
    return new SandboxConfig(
        host,
        profile,
        profileOverrides,
        ases,
        rates,
        fees,
        quoteLifetime,
        processingDelay,
        admin,
        webhookUrl,
        eventLogCapacity,
        auth,
        webhook,
        allowedHosts,
        where,
        misbehaviours,
        scenario);
  }
}
