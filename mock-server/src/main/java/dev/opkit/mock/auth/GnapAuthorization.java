package dev.opkit.mock.auth;

import java.util.Optional;

/**
 * The {@code Authorization: GNAP <token>} header (RFC 9635 §7.2) as deployed wallets read it:
 * exactly two space-separated parts, the first {@code GNAP}.
 */
public final class GnapAuthorization {
  private GnapAuthorization() {}

  /** The token value, or empty when the header is absent or not of that form. */
  public static Optional<String> token(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.split(" ", -1);
    if (parts.length != 2 || !"GNAP".equals(parts[0]) || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }

  /** What is wrong with a header that {@link #token} refuses, for an error description. */
  public static String problem(String header) {
    return header == null
        ? "the request has no Authorization header; send Authorization: GNAP <token>"
        : "the Authorization header must be exactly 'GNAP <token>' (two parts, one space)";
  }
}
