package dev.opkit.protocol.signature;

import dev.opkit.protocol.keys.Ed25519PublicKey;
import java.util.Optional;

/**
 * Finds the public key a signature's {@code keyid} names, e.g. in the client wallet address's
 * {@code jwks.json}. The verifier calls it once per request, after the cheaper checks passed; it
 * may do I/O and may throw, which the verifier passes on.
 */
@FunctionalInterface
public interface KeyLookup {
  /** The key whose {@code kid} equals {@code keyId} exactly, or empty if there is none. */
  Optional<Ed25519PublicKey> find(String keyId);
}
