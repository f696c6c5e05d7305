package dev.opkit.mock.wallet;

import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.KeyFormatException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client key registered on a wallet address must be, wherever it comes from: the admin API,
 * a config file's seed or a session's.
 */
public final class ClientKeys {
  private ClientKeys() {}

  /**
   * Refuses a key that is not an Open Payments key with a kid.
   *
   * @throws IllegalArgumentException saying what is missing or wrong
   */
  public static void check(Jwk key) {
    if (key.kid() == null || key.kid().isBlank()) {
      throw new IllegalArgumentException(
          "the JWK needs a \"kid\": the keyid your client signs with");
    }
    if (key.alg() == null) {
      throw new IllegalArgumentException(
          "the JWK needs \"alg\": \"EdDSA\" (required by the wallet address spec)");
    }
    try {
      Ed25519PublicKey.fromJwk(key);
    } catch (KeyFormatException e) {
      throw new IllegalArgumentException("not an Open Payments key: " + e.getMessage());
    }
  }

  /**
   * Refuses a list of keys with a bad key, a null entry or a kid twice.
   *
   * @throws IllegalArgumentException naming the wallet and the problem
   */
  public static void checkAll(String wallet, List<Jwk> keys) {
    Set<String> kids = new HashSet<>();
    for (Jwk key : keys) {
      if (key == null) {
        throw new IllegalArgumentException(
            "wallet '"
                + wallet
                + "': an entry of 'keys' is empty; send JWKs {kid, alg, kty, crv, x}");
      }
      try {
        check(key);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("wallet '" + wallet + "': " + e.getMessage());
      }
      if (!kids.add(key.kid())) {
        throw new IllegalArgumentException(
            "wallet '" + wallet + "' lists the key with kid '" + key.kid() + "' twice");
      }
    }
  }
}
