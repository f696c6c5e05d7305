package dev.opkit.conformance.targets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kit's settings, each read from a system property ({@code -Dopkit.target=url}), else from the
 * environment ({@code OPKIT_TARGET=url}: upper case, dots and dashes as underscores), else from the
 * properties file named by {@code opkit.config}, else a default. Every value remembers where it
 * came from, so an error can name the setting and its source.
 */
public final class KitSettings {
  /** {@code sandbox} (default), {@code url} or {@code wallet}. */
  public static final String TARGET = "opkit.target";

  /** A properties file with any of these settings. */
  public static final String CONFIG = "opkit.config";

  /** The directory relative paths given outside the config file are resolved against. */
  public static final String WORKDIR = "opkit.workdir";

  /** {@code url} target: the providers' base URLs, comma-separated; the first holds the sender. */
  public static final String SANDBOX_URLS = "opkit.sandbox.urls";

  /** {@code url} target: the admin API's bearer secret, when the sandbox has one. */
  public static final String ADMIN_SECRET = "opkit.sandbox.admin-secret";

  /** {@code wallet} target: the wallet address payments are made from. */
  public static final String SENDER = "opkit.wallet.sender";

  /** {@code wallet} target: the wallet address payments are made to. */
  public static final String RECEIVER = "opkit.wallet.receiver";

  /**
   * {@code wallet} target: the client's wallet address, which publishes its key (default: sender).
   */
  public static final String CLIENT = "opkit.wallet.client";

  /** {@code wallet} target: the id of the client's key, as the wallet shows it. */
  public static final String KEY_ID = "opkit.wallet.key-id";

  /** {@code wallet} target: the file with the client's Ed25519 private key (PKCS#8 PEM). */
  public static final String PRIVATE_KEY = "opkit.wallet.private-key";

  /** {@code wallet} target: where the wallet sends the person back after consent. */
  public static final String FINISH_URI = "opkit.consent.finish-uri";

  /** {@code wallet} target: how long to wait for the person's consent (ISO 8601 duration). */
  public static final String CONSENT_TIMEOUT = "opkit.consent.timeout";

  /** {@code wallet} target: whether to open the consent page in a browser ({@code true}). */
  public static final String OPEN_BROWSER = "opkit.consent.open-browser";

  /**
   * {@code wallet} target: a command that answers each consent page instead of a person, run by
   * {@code sh -c} with the consent URL, the decision ({@code accept} or {@code reject}) and the
   * finish URI as its arguments.
   */
  public static final String CONSENT_COMMAND = "opkit.consent.command";

  /**
   * {@code wallet} target: the base URL of a Rafiki identity-provider API (its auth service's
   * interaction port), through which the kit accepts or rejects each grant itself.
   */
  public static final String RAFIKI_IDP_URL = "opkit.consent.rafiki-idp-url";

  /** {@code wallet} target: the secret Rafiki shares with its identity provider. */
  public static final String RAFIKI_IDP_SECRET = "opkit.consent.rafiki-idp-secret";

  /** {@code wallet} target: how many scenarios run at once (default 4). */
  public static final String WALLET_PARALLEL = "opkit.wallet.parallel";

  /**
   * {@code wallet} target: a wallet address to pay to in another asset than the sender's, for the
   * cross-currency scenarios (needed only when the receiver holds the sender's asset).
   */
  public static final String RECEIVER_OTHER_ASSET = "opkit.wallet.receiver-other-asset";

  /** A file to write the run's events to, one JSON object per line. */
  public static final String EVENTS = "opkit.events";

  static final Set<String> KNOWN =
      Set.of(
          TARGET,
          CONFIG,
          WORKDIR,
          SANDBOX_URLS,
          ADMIN_SECRET,
          SENDER,
          RECEIVER,
          CLIENT,
          KEY_ID,
          PRIVATE_KEY,
          FINISH_URI,
          CONSENT_TIMEOUT,
          OPEN_BROWSER,
          CONSENT_COMMAND,
          RAFIKI_IDP_URL,
          RAFIKI_IDP_SECRET,
          WALLET_PARALLEL,
          RECEIVER_OTHER_ASSET,
          EVENTS);

  private static final String PREFIX = "opkit.";

  private final Map<String, Setting> values;
  private final Path workdir;
  private final Path configFile;

  private KitSettings(Map<String, Setting> values, Path workdir, Path configFile) {
    this.values = values;
    this.workdir = workdir;
    this.configFile = configFile;
  }

  /** The settings of this JVM: its system properties and environment. */
  public static KitSettings fromEnvironment() {
    Map<String, String> properties = new LinkedHashMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(PREFIX))
        .forEach(name -> properties.put(name, System.getProperty(name)));
    return load(properties, System.getenv());
  }

  /**
   * Settings from the given system properties and environment, and the config file they name.
   *
   * @throws KitSetupException naming the setting that is unknown or the file that cannot be read
   */
  public static KitSettings load(Map<String, String> properties, Map<String, String> environment) {
    Map<String, Setting> values = new LinkedHashMap<>();
    for (String key : KNOWN) {
      String fromProperty = properties.get(key);
      String fromEnvironment = environment.get(environmentName(key));
      if (fromProperty != null && !fromProperty.isBlank()) {
        values.put(key, new Setting(fromProperty.strip(), "system property"));
      } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        values.put(
            key,
            new Setting(fromEnvironment.strip(), "environment variable " + environmentName(key)));
      }
    }
    rejectUnknown(properties.keySet(), "system property");
    Path workdir =
        Optional.ofNullable(values.get(WORKDIR))
            .map(s -> Path.of(s.value()))
            .orElse(Path.of("").toAbsolutePath());
    Path configFile = null;
    Setting config = values.get(CONFIG);
    if (config != null) {
      configFile = workdir.resolve(config.value()).normalize();
      readConfigFile(configFile, values);
    }
    return new KitSettings(values, workdir, configFile);
  }

  /** The environment variable that carries a setting, e.g. {@code OPKIT_WALLET_KEY_ID}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void readConfigFile(Path file, Map<String, Setting> values) {
    Properties fileValues = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      fileValues.load(reader);
    } catch (IOException e) {
      throw new KitSetupException(
          "cannot read the config file "
              + file
              + " named by "
              + CONFIG
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
    rejectUnknown(fileValues.stringPropertyNames(), "key in " + file);
    for (String key : fileValues.stringPropertyNames()) {
      String value = fileValues.getProperty(key).strip();
      if (!value.isEmpty() && !values.containsKey(key)) {
        values.put(key, new Setting(value, "in " + file, file.getParent()));
      }
    }
  }

  private static void rejectUnknown(Iterable<String> keys, String where) {
    Set<String> unknown = new TreeSet<>();
    for (String key : keys) {
      if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new KitSetupException(
          "unknown setting "
              + String.join(", ", unknown)
              + " ("
              + where
              + "); the kit knows "
              + String.join(", ", new TreeSet<>(KNOWN)));
    }
  }

  /** The target kind; {@code sandbox} when not set. */
  public TargetKind target() {
    return optional(TARGET).map(TargetKind::parse).orElse(TargetKind.SANDBOX);
  }

  /** A setting's value, if it is set anywhere. */
  public Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key)).map(Setting::value);
  }

  /**
   * A setting that must be set.
   *
   * @param purpose what it is for, to tell the person who forgot it
   */
  public String required(String key, String purpose) {
    return optional(key)
        .orElseThrow(
            () ->
                new KitSetupException(
                    key
                        + " is not set; it is "
                        + purpose
                        + ". Set it in the config file ("
                        + CONFIG
                        + "), as -D"
                        + key
                        + "=… or as the environment variable "
                        + environmentName(key)));
  }

  /** A comma-separated list, or the default when not set. */
  public List<String> list(String key, List<String> defaults) {
    return optional(key)
        .map(
            text ->
                Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList())
        .orElse(defaults);
  }

  /** An ISO 8601 duration, or the default when not set. */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> text = optional(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      Duration duration = Duration.parse(text.get());
      if (duration.isNegative() || duration.isZero()) {
        throw new DateTimeParseException("not positive", text.get(), 0);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new KitSetupException(
          describe(key)
              + " must be a positive ISO 8601 duration such as PT5M; got '"
              + text.get()
              + "'");
    }
  }

  /**
   * A whole number within bounds, or the default when not set.
   *
   * @throws KitSetupException naming the setting when it is not a number within the bounds
   */
  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> text = optional(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below, with the bounds.
    }
    throw new KitSetupException(
        describe(key)
            + " must be a whole number from "
            + min
            + " to "
            + max
            + "; got '"
            + text.get()
            + "'");
  }

  /** {@code true} or {@code false}, or the default when not set. */
  public boolean flag(String key, boolean defaultValue) {
    Optional<String> text = optional(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    String value = text.get().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new KitSetupException(
          describe(key) + " must be true or false; got '" + text.get() + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /**
   * A file path setting, resolved against the config file's directory when it came from there, else
   * against {@code opkit.workdir} (the directory the kit was started from).
   */
  public Path path(String key, String purpose) {
    required(key, purpose);
    return optionalPath(key).orElseThrow();
  }

  /** A file path setting, if set, resolved as {@link #path} resolves it. */
  public Optional<Path> optionalPath(String key) {
    Setting setting = values.get(key);
    if (setting == null) {
      return Optional.empty();
    }
    return Optional.of(directoryOf(key).resolve(setting.value()).normalize());
  }

  /**
   * The directory a setting's relative paths start from: the config file's directory when the
   * setting came from there, else {@code opkit.workdir} (the directory the kit was started from).
   */
  public Path directoryOf(String key) {
    Setting setting = values.get(key);
    return setting != null && setting.baseDirectory() != null ? setting.baseDirectory() : workdir;
  }

  /** The setting and where its value came from, for messages. */
  public String describe(String key) {
    Setting setting = values.get(key);
    return setting == null ? key : key + " (" + setting.source() + ")";
  }

  /** The config file, when one was named. */
  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  private record Setting(String value, String source, Path baseDirectory) {
    Setting(String value, String source) {
      this(value, source, null);
    }
  }
}
