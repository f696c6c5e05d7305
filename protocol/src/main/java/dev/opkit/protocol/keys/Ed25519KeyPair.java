package dev.opkit.protocol.keys;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key with its public key, used to sign Open Payments requests (RFC 8032 pure
 * Ed25519). The private key is the 32-byte seed. Immutable and thread-safe; {@link #toString()}
 * never shows the seed.
 */
public final class Ed25519KeyPair {
  /** Length of an Ed25519 private key seed. */
  public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;

  private final Ed25519PrivateKeyParameters privateKey;
  private final Ed25519PublicKey publicKey;

  private Ed25519KeyPair(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = Ed25519PublicKey.of(privateKey.generatePublicKey());
  }

  /** A new random key pair from a fresh {@link SecureRandom}. */
  public static Ed25519KeyPair generate() {
    return generate(new SecureRandom());
  }

  /** A new random key pair drawing its seed from {@code random}. */
  public static Ed25519KeyPair generate(SecureRandom random) {
    return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(random));
  }

  /**
   * The key pair for a 32-byte private key seed.
   *
   * @throws KeyFormatException if the seed is not 32 bytes
   */
  public static Ed25519KeyPair fromSeed(byte[] seed) {
    if (seed == null || seed.length != SEED_LENGTH) {
      throw new KeyFormatException(
          "seed",
          "an Ed25519 private key seed is "
              + SEED_LENGTH
              + " bytes; got "
              + (seed == null ? "none" : seed.length));
    }
    return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** A copy of the 32-byte private key seed. Keep it secret. */
  public byte[] seed() {
    return privateKey.getEncoded();
  }

  /** The matching public key. */
  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /**
   * The public JWK for this key pair with the given key id (see {@link Ed25519PublicKey#toJwk}).
   */
  public Jwk toJwk(String kid) {
    return publicKey.toJwk(kid);
  }

  /** The 64-byte pure-Ed25519 signature of {@code data}. */
  public byte[] sign(byte[] data) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(data, 0, data.length);
    return signer.generateSignature();
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair[public=" + publicKey.x() + "]";
  }
}
