package dev.opkit.sandbox.junit5;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.PemKeys;

/**
 * A client ready to sign requests in the test's session: a client wallet address on ase1 (with a
 * public name, as interactive grants need) whose key directory holds this Ed25519 key. Usable by
 * this project's client and by any other Open Payments client (PEM and key id).
 *
 * @param walletAddress the client's wallet address URL
 * @param keyId the key's {@code kid}
 * @param keyPair the private key with its public key
 */
public record SandboxClientIdentity(String walletAddress, String keyId, Ed25519KeyPair keyPair) {

  /** The private key as a PKCS#8 PEM, as Open Payments SDKs read it. */
  public String privateKeyPem() {
    return PemKeys.writePrivateKey(keyPair);
  }

  /** The public key as registered. */
  public Jwk jwk() {
    return keyPair.toJwk(keyId);
  }

  @Override
  public String toString() {
    return "SandboxClientIdentity[walletAddress=" + walletAddress + ", keyId=" + keyId + "]";
  }
}
