package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.store.IncomingPaymentRecord;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code ilp} payment method details of an incoming payment: an ILP address under {@code
 * test.opkit} and a 32-byte shared secret. They are derived from the payment id with a per-sandbox
 * key instead of stored, so stored payments stay small; the sandbox settles in-process and never
 * uses them.
 */
final class IlpDetails {
  private final byte[] key = new byte[32];

  IlpDetails() {
    new SecureRandom().nextBytes(key);
  }

  String address(IncomingPaymentRecord payment) {
    return "test.opkit."
        + segment(payment.wallet().ase())
        + "."
        + segment(payment.wallet().name())
        + "."
        + payment.id().toString().replace("-", "");
  }

  String sharedSecret(UUID id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] secret =
          mac.doFinal(
              ByteBuffer.allocate(16)
                  .putLong(id.getMostSignificantBits())
                  .putLong(id.getLeastSignificantBits())
                  .array());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String segment(String name) {
    return name.replaceAll("[^A-Za-z0-9_~-]", "_");
  }
}
