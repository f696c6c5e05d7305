package dev.opkit.mock.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Random values the auth server hands out (RFC 9635 §13: unguessable): access and continuation
 * tokens of 160 bits written as 40 upper-case hex characters (the spec example's length), nonces of
 * 128 bits as 32 hex characters.
 */
public final class OpaqueValues {
  private static final int TOKEN_BYTES = 20;
  private static final int NONCE_BYTES = 16;

  private final SecureRandom random = new SecureRandom();

  /** An access or continuation token value. */
  public String token() {
    return hex(TOKEN_BYTES);
  }

  /** A nonce, e.g. the finish nonce or the secret part of an interaction URL. */
  public String nonce() {
    return hex(NONCE_BYTES);
  }

  private String hex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value).toUpperCase(Locale.ROOT);
  }

  /** A token shortened for display, e.g. {@code 3F2A…9C0D}: never the whole value. */
  public static String mask(String token) {
    if (token.length() <= 8) {
      return "…";
    }
    return token.substring(0, 4) + "…" + token.substring(token.length() - 4);
  }
}
