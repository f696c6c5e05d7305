package dev.opkit.bench;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.signature.ContentDigest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The crypto a server cannot avoid on one signed {@code POST}: one Ed25519 verification (Bouncy
 * Castle, through the protocol module, as the sandbox verifies) and one sha-512 Content-Digest of
 * the body, timed as this thread's CPU after a warm-up. With the plain endpoint's server CPU per
 * request it makes the floor the sandbox's CPU per signed request is compared with.
 */
final class CryptoFloor {
  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;

  private CryptoFloor() {}

  /** CPU microseconds for one verification and one digest of a body like {@code body}. */
  static double microsPerRequest(String body, String signatureBase) {
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    Ed25519PublicKey key = keys.publicKey();
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] base = signatureBase.getBytes(StandardCharsets.UTF_8);
    byte[] signature = keys.sign(base);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int checks = 0;
    for (int i = 0; i < WARM_UP; i++) {
      checks += once(key, base, signature, bodyBytes);
    }
    long started = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < MEASURED; i++) {
      checks += once(key, base, signature, bodyBytes);
    }
    long cpu = threads.getCurrentThreadCpuTime() - started;
    if (checks != WARM_UP + MEASURED) {
      throw new JourneyFailure("a signature the floor made did not verify");
    }
    return cpu / 1e3 / MEASURED;
  }

  private static int once(Ed25519PublicKey key, byte[] base, byte[] signature, byte[] body) {
    String digest = ContentDigest.sha512(body);
    return key.verify(base, signature) && !digest.isEmpty() ? 1 : 0;
  }
}
