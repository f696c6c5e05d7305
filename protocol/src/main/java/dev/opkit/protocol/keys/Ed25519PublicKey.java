package dev.opkit.protocol.keys;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key that verifies Open Payments request signatures (RFC 8032, RFC 8037 for the
 * JWK form). The key is decoded once at construction, so a cached instance verifies without parsing
 * again. Immutable and thread-safe; equal when the key bytes are equal.
 */
public final class Ed25519PublicKey {
  /** Length of a raw Ed25519 public key. */
  public static final int KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

  static final String KTY = "OKP";
  static final String CRV = "Ed25519";
  static final String ALG = "EdDSA";
  static final String USE_SIG = "sig";

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  private final Ed25519PublicKeyParameters parameters;
  private final byte[] bytes;

  private Ed25519PublicKey(Ed25519PublicKeyParameters parameters) {
    this.parameters = parameters;
    this.bytes = parameters.getEncoded();
  }

  static Ed25519PublicKey of(Ed25519PublicKeyParameters parameters) {
    return new Ed25519PublicKey(parameters);
  }

  /**
   * The key from its 32 raw bytes.
   *
   * @throws KeyFormatException if the length is wrong or the bytes are not a point on the curve
   */
  public static Ed25519PublicKey fromBytes(byte[] rawKey) {
    if (rawKey == null || rawKey.length != KEY_LENGTH) {
      throw new KeyFormatException(
          "x",
          "an Ed25519 public key is "
              + KEY_LENGTH
              + " bytes; got "
              + (rawKey == null ? "none" : rawKey.length));
    }
    try {
      return new Ed25519PublicKey(new Ed25519PublicKeyParameters(rawKey, 0));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("x", "the bytes are not a valid Ed25519 public key", e);
    }
  }

  /**
   * The key from the only JWK form Open Payments allows: {@code kty} "OKP", {@code crv} "Ed25519",
   * {@code alg} "EdDSA" (when present), {@code use} "sig" (when present) and {@code x} the
   * base64url (no padding) encoding of the 32-byte key.
   *
   * @throws KeyFormatException naming the first member that breaks these rules
   */
  public static Ed25519PublicKey fromJwk(Jwk jwk) {
    if (jwk == null) {
      throw new KeyFormatException("jwk", "no JWK given");
    }
    requireMember("kty", jwk.kty(), KTY);
    requireMember("crv", jwk.crv(), CRV);
    if (jwk.alg() != null) {
      requireMember("alg", jwk.alg(), ALG);
    }
    if (jwk.use() != null) {
      requireMember("use", jwk.use(), USE_SIG);
    }
    return fromBytes(decodeX(jwk.x()));
  }

  private static void requireMember(String name, String actual, String expected) {
    if (actual == null) {
      throw new KeyFormatException(
          name, "JWK member \"" + name + "\" is missing; it must be \"" + expected + "\"");
    }
    if (!expected.equals(actual)) {
      throw new KeyFormatException(
          name,
          "JWK member \""
              + name
              + "\" is \""
              + actual
              + "\"; Open Payments keys need \""
              + expected
              + "\"");
    }
  }

  private static byte[] decodeX(String x) {
    if (x == null) {
      throw new KeyFormatException(
          "x", "JWK member \"x\" is missing; it must hold the base64url public key");
    }
    if (!BASE64URL.matcher(x).matches()) {
      throw new KeyFormatException(
          "x",
          "JWK member \"x\" must be base64url without padding (characters A-Z a-z 0-9 - _); got \""
              + x
              + "\"");
    }
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(x);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "x", "JWK member \"x\" is not valid base64url: \"" + x + "\"", e);
    }
    if (decoded.length != KEY_LENGTH) {
      throw new KeyFormatException(
          "x",
          "JWK member \"x\" decodes to "
              + decoded.length
              + " bytes; an Ed25519 public key is "
              + KEY_LENGTH);
    }
    if (!encodeX(decoded).equals(x)) {
      throw new KeyFormatException(
          "x", "JWK member \"x\" is not in canonical base64url form (unused bits must be zero)");
    }
    return decoded;
  }

  private static String encodeX(byte[] key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** The JWK for this key with the given key id, without {@code use}. */
  public Jwk toJwk(String kid) {
    return toJwk(kid, false);
  }

  /** The JWK for this key with the given key id, with {@code "use":"sig"} when asked. */
  public Jwk toJwk(String kid, boolean withUseSig) {
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("a JWK needs a non-blank kid");
    }
    return new Jwk(kid, ALG, withUseSig ? USE_SIG : null, KTY, CRV, x());
  }

  /** The base64url (no padding) form used as the JWK {@code x} member. */
  public String x() {
    return encodeX(bytes);
  }

  /** A copy of the 32 raw key bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  Ed25519PublicKeyParameters parameters() {
    return parameters;
  }

  /** Whether {@code signature} is a valid pure-Ed25519 signature of {@code data} by this key. */
  public boolean verify(byte[] data, byte[] signature) {
    // Straight to the key: an Ed25519Signer would first copy the data into a growing buffer.
    return signature.length == Ed25519.SIGNATURE_SIZE
        && parameters.verify(Ed25519.Algorithm.Ed25519, null, data, 0, data.length, signature, 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ed25519PublicKey that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[x=" + x() + "]";
  }
}
