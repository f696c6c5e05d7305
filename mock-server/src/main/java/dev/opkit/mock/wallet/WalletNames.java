package dev.opkit.mock.wallet;

import dev.opkit.mock.store.SessionId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names a wallet address may have: one URL path segment that does not collide with the routes
 * every origin serves (auth server, admin API, the resource server's collections) nor with a
 * session's id (a UUID starts a session's URLs).
 */
public final class WalletNames {
  /** Names that are routes of every origin, never wallet addresses. */
  public static final Set<String> RESERVED =
      Set.of(
          "auth",
          "admin",
          "incoming-payments",
          "quotes",
          "outgoing-payments",
          "outgoing-payment-grant",
          "dashboard",
          ".well-known");

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

  private WalletNames() {}

  /**
   * Refuses a name that is reserved or not a plain path segment.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a wallet address needs a name, e.g. \"alice\"");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "'" + name + "' is reserved for a route of every origin; reserved names: " + RESERVED);
    }
    if (SessionId.isUuidShaped(name)) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' has the shape of a session id (a UUID), which starts a session's URLs; choose"
              + " a name that is not a UUID");
    }
    if (!ALLOWED.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a valid wallet address name: use 1 to 64 letters, digits, '.', '_', '~'"
              + " or '-', starting with a letter or digit");
    }
    return name;
  }

  /** Whether a path segment is one of the reserved route names. */
  public static boolean isReserved(String name) {
    return RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }
}
