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
 */
public record ClientIdentity(String walletAddress, Ed25519KeyPair keyPair, String keyId) {
  public ClientIdentity {
    Objects.requireNonNull(walletAddress, "walletAddress");
    Objects.requireNonNull(keyPair, "keyPair");
    Objects.requireNonNull(keyId, "keyId");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("the key id must not be blank");
    }
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
    return "ClientIdentity[" + walletAddress + ", keyId=" + keyId + "]";
  }
}
