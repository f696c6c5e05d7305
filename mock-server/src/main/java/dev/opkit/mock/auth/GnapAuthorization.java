package dev.opkit.mock.auth;

import java.util.Optional;

/**
 * The {@code Authorization: GNAP <token>} header (RFC 9635 §7.2) as deployed wallets read it:
 * exactly two space-separated parts, the first {@code GNAP}.
 */
public final class GnapAuthorization {
  private static final String SCHEME = "GNAP ";

  private GnapAuthorization() {}

  /** The token value, or empty when the header is absent or not of that form. */
  public static Optional<String> token(String header) {
    if (header == null) {
      return Optional.empty();
    }
    // "GNAP " then a non-empty value without another space: split(" ") into exactly two parts,
    // without the array and the first part's copy (read three times per signed request).
    if (!header.startsWith(SCHEME) || header.length() == SCHEME.length()) {
      return Optional.empty();
    }
    if (header.indexOf(' ', SCHEME.length()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()));
  }

  /** What is wrong with a header that {@link #token} refuses, for an error description. */
  public static String problem(String header) {
    return header == null
        ? "the request has no Authorization header; send Authorization: GNAP <token>"
        : "the Authorization header must be exactly 'GNAP <token>' (two parts, one space)";
  }
}
