package dev.opkit.client;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.PemKeys;
import java.util.Objects;

/**
 * Who the client is: its wallet address (whose {@code jwks.json} lists its public key), its Ed25519
 * private key, and that key's id. Authorization and resource servers identify a client by these
 * (PROTOCOL.md §2, §3).
 *
 * @param walletAddress the client's wallet address URL, without a trailing slash
 * @param keyPair the private key that signs requests
 * @param keyId the {@code kid} of the matching public JWK at the wallet address
 * @param nextKeyPair the key the client's operator registered next, for when {@code keyPair} is
 *     rotated out of the wallet address's JWKS, or null
 * @param nextKeyId the {@code kid} of the next key, or null
 */
public record ClientIdentity(
    String walletAddress,
    Ed25519KeyPair keyPair,
    String keyId,
    Ed25519KeyPair nextKeyPair,
    String nextKeyId) {
  /** An identity with one key. */
  public ClientIdentity(String walletAddress, Ed25519KeyPair keyPair, String keyId) {
    this(walletAddress, keyPair, keyId, null, null);
  }

  public ClientIdentity {
    Objects.requireNonNull(walletAddress, "walletAddress");
    Objects.requireNonNull(keyPair, "keyPair");
    Objects.requireNonNull(keyId, "keyId");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("the key id must not be blank");
    }
    if ((nextKeyPair == null) != (nextKeyId == null)) {
      throw new IllegalArgumentException("a next key needs both its private key and its key id");
    }
    if (nextKeyId != null && (nextKeyId.isBlank() || nextKeyId.equals(keyId))) {
      throw new IllegalArgumentException(
          "the next key id must not be blank nor the current one, got '" + nextKeyId + "'");
    }
  }

  /**
   * This identity with the key its operator registered next: when a request is refused and the
   * wallet address's JWKS no longer lists the current key but lists this one, the client signs with
   * it from then on (and sends the refused request again, once).
   */
  public ClientIdentity withNextKey(Ed25519KeyPair keyPair, String keyId) {
    return new ClientIdentity(
        walletAddress,
        this.keyPair,
        this.keyId,
        Objects.requireNonNull(keyPair, "keyPair"),
        Objects.requireNonNull(keyId, "keyId"));
  }

  /** {@link #withNextKey} from a PKCS#8 PEM private key (or that PEM in base64). */
  public ClientIdentity withNextKeyPem(String privateKeyPem, String keyId) {
    return withNextKey(PemKeys.readPrivateKey(privateKeyPem), keyId);
  }

  /**
   * An identity from a PKCS#8 PEM private key, or that PEM encoded as base64 (the form the
   * Interledger test wallet hands out).
   */
  public static ClientIdentity fromPem(String walletAddress, String privateKeyPem, String keyId) {
    return new ClientIdentity(walletAddress, PemKeys.readPrivateKey(privateKeyPem), keyId);
  }

  @Override
  public String toString() {
    return "ClientIdentity["
        + walletAddress
        + ", keyId="
        + keyId
        + (nextKeyId == null ? "" : ", nextKeyId=" + nextKeyId)
        + "]";
  }
}
