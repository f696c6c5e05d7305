package dev.opkit.protocol.keys;

import java.util.List;
import java.util.Optional;

/** The {@code {"keys": [...]}} document served at {@code {walletAddress}/jwks.json}. */
public record JwkSet(List<Jwk> keys) {
  public JwkSet {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** The key whose {@code kid} equals {@code keyId} exactly, as the signature's keyid must. */
  public Optional<Jwk> find(String keyId) {
    return keys.stream().filter(k -> keyId.equals(k.kid())).findFirst();
  }
}
