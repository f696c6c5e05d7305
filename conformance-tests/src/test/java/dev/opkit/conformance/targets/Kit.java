package dev.opkit.conformance.targets;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one target of this JVM's run: chosen from {@link KitSettings}, opened before the first
 * scenario, closed after the last. Scenarios run in parallel and all use it.
 */
public final class Kit {
  /** The providers of {@code ./sandbox} with its default configuration. */
  public static final List<String> DEFAULT_SANDBOX_URLS =
      List.of("http://localhost:4000", "http://localhost:4100");

  private static final Logger PERSON = LoggerFactory.getLogger("opkit.kit");

  private static Target target;
  private static String description;

  private Kit() {}

  /**
   * Opens the configured target, once.
   *
   * @throws KitSetupException when the settings are wrong or the target does not answer as it must
   */
  public static synchronized Target open() {
    if (target == null) {
      target = open(KitSettings.fromEnvironment());
      description = target.describe();
      PERSON.info("Open Payments conformance kit against {}", description);
    }
    return target;
  }

  private static Target open(KitSettings settings) {
    return switch (settings.target()) {
      case SANDBOX -> SandboxTarget.inProcess();
      case URL ->
          SandboxTarget.running(
              settings.list(KitSettings.SANDBOX_URLS, DEFAULT_SANDBOX_URLS),
              settings.optional(KitSettings.ADMIN_SECRET).orElse(null));
      case WALLET -> WalletTarget.open(settings, PERSON::warn);
    };
  }

  /** The open target. */
  public static synchronized Target target() {
    if (target == null) {
      throw new IllegalStateException("the kit's target is not open; the @BeforeAll hook opens it");
    }
    return target;
  }

  /** The description of the target this run opened, if it opened one (also after closing). */
  public static synchronized Optional<String> describeTarget() {
    return Optional.ofNullable(description);
  }

  /** Closes the target. */
  public static synchronized void close() {
    if (target != null) {
      target.close();
      target = null;
    }
  }
}
