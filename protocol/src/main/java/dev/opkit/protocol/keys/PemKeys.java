package dev.opkit.protocol.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes Ed25519 keys as PEM: PKCS#8 {@code PRIVATE KEY} (RFC 5958, RFC 8410), the form
 * the Interledger test wallet hands out and the Node SDK loads, and SubjectPublicKeyInfo {@code
 * PUBLIC KEY}. A private key may also be given as the whole PEM text base64-encoded into one line,
 * which the Node SDK's {@code loadBase64Key} accepts.
 */
public final class PemKeys {
  /** RFC 8410 §3: the algorithm identifier of Ed25519 keys. */
  private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  private static final Map<String, String> KNOWN_ALGORITHMS =
      Map.of(
          ED25519.getId(),
          "Ed25519",
          "1.3.101.113",
          "Ed448",
          "1.3.101.110",
          "X25519",
          "1.3.101.111",
          "X448",
          PKCSObjectIdentifiers.rsaEncryption.getId(),
          "RSA",
          X9ObjectIdentifiers.id_ecPublicKey.getId(),
          "EC");

  private static final String PEM_BEGIN = "-----BEGIN ";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private PemKeys() {}

  /**
   * The key pair in a PKCS#8 {@code -----BEGIN PRIVATE KEY-----} PEM, or in that PEM text encoded
   * as base64.
   *
   * @throws KeyFormatException if the text is not such a PEM, is encrypted, or holds another key
   *     type
   */
  public static Ed25519KeyPair readPrivateKey(String pemOrBase64Pem) {
    Object parsed = parsePem(unwrapBase64(pemOrBase64Pem));
    PrivateKeyInfo info = privateKeyInfo(parsed);
    requireEd25519(info.getPrivateKeyAlgorithm());
    AsymmetricKeyParameter key = decode(() -> PrivateKeyFactory.createKey(info));
    if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
      throw new KeyFormatException("pem", "the PEM does not hold an Ed25519 private key");
    }
    return Ed25519KeyPair.fromSeed(ed25519.getEncoded());
  }

  /** The private key as PKCS#8 PEM, in the same 48-byte form OpenSSL and Node.js write. */
  public static String writePrivateKey(Ed25519KeyPair keyPair) {
    byte[] der =
        encode(
            () ->
                new PrivateKeyInfo(
                        new AlgorithmIdentifier(ED25519), new DEROctetString(keyPair.seed()))
                    .getEncoded());
    return pem("PRIVATE KEY", der);
  }

  /**
   * The public key in a SubjectPublicKeyInfo {@code -----BEGIN PUBLIC KEY-----} PEM.
   *
   * @throws KeyFormatException if the text is not such a PEM or holds another key type
   */
  public static Ed25519PublicKey readPublicKey(String pem) {
    Object parsed = parsePem(pem);
    if (!(parsed instanceof SubjectPublicKeyInfo info)) {
      throw new KeyFormatException(
          "pem", "expected a \"-----BEGIN PUBLIC KEY-----\" PEM; found " + describe(parsed));
    }
    requireEd25519(info.getAlgorithm());
    AsymmetricKeyParameter key = decode(() -> PublicKeyFactory.createKey(info));
    if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
      throw new KeyFormatException("pem", "the PEM does not hold an Ed25519 public key");
    }
    return Ed25519PublicKey.of(ed25519);
  }

  /** The public key as a SubjectPublicKeyInfo PEM. */
  public static String writePublicKey(Ed25519PublicKey publicKey) {
    byte[] der =
        encode(
            () ->
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey.parameters())
                    .getEncoded());
    return pem("PUBLIC KEY", der);
  }

  private static String unwrapBase64(String text) {
    if (text == null || text.isBlank()) {
      throw new KeyFormatException("pem", "no private key given");
    }
    if (text.contains(PEM_BEGIN)) {
      return text;
    }
    String decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
      decoded = new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "pem",
          "the private key is neither a PEM (\"-----BEGIN PRIVATE KEY-----\") nor a base64-encoded"
              + " PEM",
          e);
    }
    if (!decoded.contains(PEM_BEGIN)) {
      throw new KeyFormatException(
          "pem",
          "the private key is base64 but does not decode to a PEM (\"-----BEGIN PRIVATE"
              + " KEY-----\"); give the PEM file, or the PEM text encoded as base64");
    }
    return decoded;
  }

  private static Object parsePem(String pem) {
    if (pem == null || !pem.contains(PEM_BEGIN)) {
      throw new KeyFormatException("pem", "not a PEM: expected a \"-----BEGIN ...-----\" line");
    }
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object parsed = parser.readObject();
      if (parsed == null) {
        throw new KeyFormatException("pem", "the PEM has no complete BEGIN/END block");
      }
      return parsed;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new KeyFormatException("pem", "the PEM could not be parsed: " + e.getMessage(), e);
    }
  }

  private static PrivateKeyInfo privateKeyInfo(Object parsed) {
    if (parsed instanceof PrivateKeyInfo info) {
      return info;
    }
    if (parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new KeyFormatException(
          "pem",
          "the private key is encrypted; decrypt it first (e.g. openssl pkey -in key.pem -out"
              + " plain.pem)");
    }
    if (parsed instanceof PEMKeyPair pair) {
      requireEd25519(pair.getPrivateKeyInfo().getPrivateKeyAlgorithm());
      return pair.getPrivateKeyInfo();
    }
    throw new KeyFormatException(
        "pem", "expected a \"-----BEGIN PRIVATE KEY-----\" PEM; found " + describe(parsed));
  }

  private static void requireEd25519(AlgorithmIdentifier algorithm) {
    String oid = algorithm.getAlgorithm().getId();
    if (!ED25519.getId().equals(oid)) {
      throw new KeyFormatException(
          "pem",
          "Open Payments keys are Ed25519; this PEM holds a "
              + KNOWN_ALGORITHMS.getOrDefault(oid, "key with algorithm OID " + oid));
    }
  }

  private static String describe(Object parsed) {
    if (parsed instanceof SubjectPublicKeyInfo) {
      return "a public key";
    }
    if (parsed instanceof PrivateKeyInfo || parsed instanceof PEMKeyPair) {
      return "a private key";
    }
    return "a " + parsed.getClass().getSimpleName();
  }

  private static String pem(String type, byte[] der) {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T decode(IoSupplier<T> decoder) {
    try {
      return decoder.get();
    } catch (IOException | IllegalArgumentException e) {
      throw new KeyFormatException(
          "pem", "the key inside the PEM is malformed: " + e.getMessage(), e);
    }
  }

  private static byte[] encode(IoSupplier<byte[]> encoder) {
    try {
      return encoder.get();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding an Ed25519 key failed", e);
    }
  }
}
