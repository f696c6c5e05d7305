package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin API's bearer secret check: the {@code Authorization} header must be exactly {@code
 * Bearer <secret>}, byte for byte, compared in constant time (both sides are hashed first, so not
 * even the length of the secret shows in the timing).
 */
final class AdminSecret {
  private final byte[] expectedDigest;

  /**
   * @param secret the configured secret, or null when the admin API needs none
   */
  AdminSecret(String secret) {
    this.expectedDigest = secret == null ? null : sha256("Bearer " + secret);
  }

  /**
   * Refuses a request without the secret.
   *
   * @param authorization the request's {@code Authorization} header, or null
   * @throws ApiException 401 with {@code WWW-Authenticate: Bearer}
   */
  void require(String authorization) {
    if (expectedDigest == null) {
      return;
    }
    if (authorization == null || !MessageDigest.isEqual(expectedDigest, sha256(authorization))) {
      throw new ApiException(
              401,
              ErrorCodes.UNAUTHORIZED,
              "this sandbox's admin API needs Authorization: Bearer <the configured admin secret>")
          .withHeader("WWW-Authenticate", "Bearer");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
