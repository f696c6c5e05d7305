package dev.opkit.mock.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A session's own admin token: 160 random bits shown once when the session is made; only its
 * SHA-256 is kept, and a presented token is compared by its hash in constant time.
 */
public final class AdminTokens {
  private static final int TOKEN_BYTES = 20;

  private final SecureRandom random = new SecureRandom();

  /** A new token, as the client will send it: 40 lower-case hex characters. */
  public String generate() {
    byte[] value = new byte[TOKEN_BYTES];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  /** What is kept of a token. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /** Whether {@code presented} is the token whose hash is {@code kept}. */
  public static boolean matches(String presented, String kept) {
    if (presented == null || kept == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(presented), HexFormat.of().parseHex(kept));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
