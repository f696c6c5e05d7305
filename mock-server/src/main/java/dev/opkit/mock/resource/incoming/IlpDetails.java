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

  /** One keyed MAC per thread: {@code doFinal} resets it for the next payment. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  IlpDetails() {
    new SecureRandom().nextBytes(key);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
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
    byte[] secret =
        macs.get()
            .doFinal(
                ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .array());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The name with every character an ILP address segment cannot hold replaced by {@code _}. */
  static String segment(String name) {
    char[] replaced = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '~'
              || c == '-';
      if (!allowed) {
        if (replaced == null) {
          replaced = name.toCharArray();
        }
        replaced[i] = '_';
      }
    }
    return replaced == null ? name : new String(replaced);
  }
}
