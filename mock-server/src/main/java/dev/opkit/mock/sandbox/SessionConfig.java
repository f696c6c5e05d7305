package dev.opkit.mock.sandbox;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.Misbehaviour;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of one session (isolated sandbox): what {@code POST /admin/sessions} was given,
 * completed with the sandbox's configuration. The default session's come from the configuration
 * itself ({@link SandboxConfig#defaultSession()}).
 *
 * @param name a name for people, e.g. the CI job's
 * @param profile the behaviour profile of every provider in the session, or null for each
 *     provider's configured one
 * @param profileOverrides single switches applied on top of that profile
 * @param autoConsent what the consent page does without a person, after a reset
 * @param fees the fee rule of every outgoing payment
 * @param rates exchange rates between asset codes
 * @param quoteLifetime how long a quote stays valid, by the session clock
 * @param processingDelay how long an outgoing payment stays in progress, after a reset
 * @param webhookUrl where the session's events are POSTed, or null for nowhere
 * @param ases the wallets the session starts with, per provider
 * @param misbehaviours what its providers do wrong on purpose from the start (and after a reset)
 */
public record SessionConfig(
    String name,
    String profile,
    Map<String, Object> profileOverrides,
    AutoConsent autoConsent,
    FeeConfig fees,
    List<RateConfig> rates,
    Duration quoteLifetime,
    Duration processingDelay,
    String webhookUrl,
    List<AseSeed> ases,
    List<Misbehaviour> misbehaviours) {

  /** The default session's name. */
  public static final String DEFAULT_NAME = "default";

  /** The longest name a session may have. */
  public static final int MAX_NAME_LENGTH = 100;

  /** The longest processing delay: enough for any test, short enough to be scheduled. */
  public static final Duration MAX_PROCESSING_DELAY = Duration.ofDays(1);

  public SessionConfig {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a session's name is 1 to " + MAX_NAME_LENGTH + " characters, got '" + name + "'");
    }
    profileOverrides = profileOverrides == null ? Map.of() : Map.copyOf(profileOverrides);
    Objects.requireNonNull(autoConsent, "autoConsent");
    Objects.requireNonNull(fees, "fees");
    rates = List.copyOf(rates);
    Objects.requireNonNull(quoteLifetime, "quoteLifetime");
    if (quoteLifetime.isNegative() || quoteLifetime.isZero()) {
      throw new IllegalArgumentException("quoteLifetime must be positive, got " + quoteLifetime);
    }
    checkProcessingDelay(processingDelay);
    webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : checkWebhookUrl(webhookUrl);
    ases = List.copyOf(ases);
    misbehaviours =
        misbehaviours == null
            ? List.of()
            : misbehaviours.stream().map(Misbehaviour::rearmed).toList();
    Set<String> names = new HashSet<>();
    for (AseSeed ase : ases) {
      if (!names.add(ase.name())) {
        throw new IllegalArgumentException("'ases' names the provider '" + ase.name() + "' twice");
      }
    }
    // Refuses an unknown profile or switch now; the switches do not depend on the base profile.
    (profile != null ? BehaviourProfile.named(profile) : BehaviourProfile.RAFIKI)
        .withOverrides(profileOverrides);
  }

  /**
   * The default session's settings: the configured sandbox itself, each provider with its own
   * profile and its configured wallets.
   */
  public static SessionConfig ofSandbox(SandboxConfig sandbox) {
    return new SessionConfig(
        DEFAULT_NAME,
        null,
        Map.of(),
        sandbox.auth().autoConsent(),
        sandbox.fees(),
        sandbox.rates(),
        sandbox.quoteLifetime(),
        sandbox.processingDelay(),
        sandbox.webhookUrl(),
        sandbox.ases().stream().map(a -> new AseSeed(a.name(), a.wallets())).toList(),
        sandbox.defaultMisbehaviours());
  }

  /**
   * The behaviour profile of one provider in this session: the session's profile when it names one,
   * else the provider's configured one; then the session's overrides.
   */
  public BehaviourProfile profileOf(SandboxConfig sandbox, AseConfig ase) {
    BehaviourProfile base =
        profile != null ? BehaviourProfile.named(profile) : sandbox.profileOf(ase);
    return base.withOverrides(profileOverrides);
  }

  /**
   * Refuses a processing delay outside PT0S to {@link #MAX_PROCESSING_DELAY}.
   *
   * @throws IllegalArgumentException naming the allowed range
   */
  public static Duration checkProcessingDelay(Duration delay) {
    if (delay == null || delay.isNegative() || delay.compareTo(MAX_PROCESSING_DELAY) > 0) {
      throw new IllegalArgumentException(
          "processingDelay must be from PT0S to " + MAX_PROCESSING_DELAY + ", got " + delay);
    }
    return delay;
  }

  /** The wallets the session starts with on a provider (none when it names no seed there). */
  public List<WalletSeed> walletsOf(String aseName) {
    return ases.stream()
        .filter(a -> a.name().equals(aseName))
        .findFirst()
        .map(AseSeed::wallets)
        .orElse(List.of());
  }

  /**
   * Refuses a webhook URL that is not an absolute http(s) URL.
   *
   * @throws IllegalArgumentException saying what a webhook URL looks like
   */
  public static String checkWebhookUrl(String url) {
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
    return url;
  }
}
