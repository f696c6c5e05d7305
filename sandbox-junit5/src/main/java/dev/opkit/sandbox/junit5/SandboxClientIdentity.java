package dev.opkit.sandbox.junit5;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.PemKeys;

/**
 * A client ready to sign requests in the test's session: a client wallet address on ase1 (with a
 * public name, as interactive grants need) whose key directory holds this Ed25519 key, and a next
 * key registered beside it, as an operator who rotates keys keeps one (the {@code key-rotation}
 * scenario removes the first key after a payment; a client given the next key carries on). Usable
 * by this project's client and by any other Open Payments client (PEM and key id).
 *
 * @param walletAddress the client's wallet address URL
 * @param keyId the key's {@code kid}
 * @param keyPair the private key with its public key
 * @param nextKeyId the next key's {@code kid}
 * @param nextKeyPair the next private key with its public key
 */
public record SandboxClientIdentity(
    String walletAddress,
    String keyId,
    Ed25519KeyPair keyPair,
    String nextKeyId,
    Ed25519KeyPair nextKeyPair) {

  /** The private key as a PKCS#8 PEM, as Open Payments SDKs read it. */
  public String privateKeyPem() {
    return PemKeys.writePrivateKey(keyPair);
  }

  /** The public key as registered. */
  public Jwk jwk() {
    return keyPair.toJwk(keyId);
  }

  /** The next private key as a PKCS#8 PEM. */
  public String nextPrivateKeyPem() {
    return PemKeys.writePrivateKey(nextKeyPair);
  }

  /** The next public key as registered. */
  public Jwk nextJwk() {
    return nextKeyPair.toJwk(nextKeyId);
  }

  @Override
  public String toString() {
    return "SandboxClientIdentity[walletAddress="
        + walletAddress
        + ", keyId="
        + keyId
        + ", nextKeyId="
        + nextKeyId
        + "]";
  }
}
