package dev.opkit.protocol.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;

/**
 * The {@code Content-Digest} field (RFC 9530 §2): a structured-field dictionary from algorithm to
 * the digest of the body bytes. Open Payments signers send {@code sha-512}; verifiers here accept
 * {@code sha-256} and {@code sha-512} and require every one listed to match.
 */
public final class ContentDigest {
  /** The algorithm the Open Payments SDK uses. */
  public static final String SHA_512 = "sha-512";

  /** The other algorithm Rafiki accepts. */
  public static final String SHA_256 = "sha-256";

  private static final Map<String, String> JCA_NAMES =
      Map.of(SHA_512, "SHA-512", SHA_256, "SHA-256");

  private ContentDigest() {}

  /** The header value {@code sha-512=:<base64>:} for {@code body}. */
  public static String sha512(byte[] body) {
    return serialise(List.of(SHA_512), body);
  }

  /**
   * Checks a received {@code Content-Digest} value against the body bytes. Algorithms other than
   * sha-256 and sha-512 are ignored, but at least one of those two must be listed.
   *
   * @throws SignatureFormatException if the value is not a dictionary of byte sequences
   */
  public static DigestCheck check(String headerValue, byte[] body) {
    Map<String, ListElement<? extends Object>> members = parse(headerValue);
    List<String> known = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    for (Map.Entry<String, ListElement<? extends Object>> member : members.entrySet()) {
      String algorithm = member.getKey();
      if (!JCA_NAMES.containsKey(algorithm)) {
        continue;
      }
      if (!(member.getValue() instanceof ByteSequenceItem received)) {
        throw new SignatureFormatException(
            "Content-Digest member \""
                + algorithm
                + "\" must be a byte sequence like :<base64>:; got "
                + member.getValue().serialize());
      }
      known.add(algorithm);
      if (!MessageDigest.isEqual(ByteSequences.toArray(received.get()), digest(algorithm, body))) {
        mismatched.add(algorithm);
      }
    }
    if (known.isEmpty()) {
      return new DigestCheck(
          DigestCheck.Status.NO_SUPPORTED_ALGORITHM,
          sha512(body),
          "Content-Digest lists "
              + members.keySet()
              + " but none of the supported algorithms ["
              + SHA_256
              + ", "
              + SHA_512
              + "]");
    }
    String computed = serialise(known, body);
    if (!mismatched.isEmpty()) {
      return new DigestCheck(
          DigestCheck.Status.MISMATCH,
          computed,
          "Content-Digest "
              + String.join(", ", mismatched)
              + " does not match the body bytes: received \""
              + headerValue.strip()
              + "\", computed \""
              + computed
              + "\"");
    }
    return new DigestCheck(DigestCheck.Status.MATCH, computed, "Content-Digest matches the body");
  }

  private static Map<String, ListElement<? extends Object>> parse(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      throw new SignatureFormatException("Content-Digest is empty");
    }
    try {
      return Parser.parseDictionary(headerValue).get();
    } catch (ParseException e) {
      throw new SignatureFormatException(
          "Content-Digest is not an RFC 8941 dictionary like sha-512=:<base64>: ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static String serialise(List<String> algorithms, byte[] body) {
    Map<String, ListElement<? extends Object>> members = new LinkedHashMap<>();
    for (String algorithm : algorithms) {
      members.put(algorithm, ByteSequenceItem.valueOf(digest(algorithm, body)));
    }
    return Dictionary.valueOf(members).serialize();
  }

  private static byte[] digest(String algorithm, byte[] body) {
    try {
      return MessageDigest.getInstance(JCA_NAMES.get(algorithm)).digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + algorithm, e);
    }
  }
}
