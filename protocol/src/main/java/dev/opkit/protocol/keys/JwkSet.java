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

  /**
   * Checks that every key of the set is an Open Payments key, as the wallet-address-server spec's
   * {@code json-web-key} schema describes it: {@code kid}, {@code alg} {@code EdDSA}, {@code kty}
   * {@code OKP}, {@code crv} {@code Ed25519} and {@code x} a 32-byte base64url public key. Deployed
   * wallets validate a fetched set against that schema and refuse the whole set when one key breaks
   * it, whichever key signed.
   *
   * @throws KeyFormatException naming the first key that is not one, and why
   */
  public void requireOpenPaymentsKeys() {
    for (int i = 0; i < keys.size(); i++) {
      Jwk key = keys.get(i);
      String which =
          "keys[" + i + "]" + (key.kid() == null ? "" : " (kid \"" + key.kid() + "\")") + ": ";
      if (key.kid() == null || key.kid().isBlank()) {
        throw new KeyFormatException("kid", which + "JWK member \"kid\" is missing");
      }
      if (key.alg() == null) {
        throw new KeyFormatException(
            "alg", which + "JWK member \"alg\" is missing; it must be \"EdDSA\"");
      }
      try {
        Ed25519PublicKey.fromJwk(key);
      } catch (KeyFormatException e) {
        throw new KeyFormatException(e.field(), which + e.getMessage(), e);
      }
    }
  }
}
