package dev.opkit.protocol.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greenbytes.http.sfv.ByteSequenceItem;
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

  private static final ThreadLocal<MessageDigest> SHA_512_DIGESTS = perThread(SHA_512);
  private static final ThreadLocal<MessageDigest> SHA_256_DIGESTS = perThread(SHA_256);

  private ContentDigest() {}

  /** The header value {@code sha-512=:<base64>:} for {@code body}. */
  public static String sha512(byte[] body) {
    return member(SHA_512, digest(SHA_512, body));
  }

  /**
   * Checks a received {@code Content-Digest} value against the body bytes. Algorithms other than
   * sha-256 and sha-512 are ignored, but at least one of those two must be listed.
   *
   * @throws SignatureFormatException if the value is not a dictionary of byte sequences
   */
  public static DigestCheck check(String headerValue, byte[] body) {
    Map<String, ListElement<? extends Object>> members = parse(headerValue);
    // Each algorithm's digest is computed once, for the comparison and the diagnostic value both.
    Map<String, byte[]> known = new LinkedHashMap<>();
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
      byte[] computed = known.computeIfAbsent(algorithm, a -> digest(a, body));
      if (!MessageDigest.isEqual(ByteSequences.toArray(received.get()), computed)) {
        mismatched.add(algorithm);
      }
    }
    if (known.isEmpty()) {
      String sha512 = sha512(body);
      return new DigestCheck(
          DigestCheck.Status.NO_SUPPORTED_ALGORITHM,
          sha512,
          "Content-Digest lists "
              + members.keySet()
              + " but none of the supported algorithms ["
              + SHA_256
              + ", "
              + SHA_512
              + "]",
          sha512);
    }
    String computed = serialise(known);
    String sha512 =
        known.containsKey(SHA_512)
            ? (known.size() == 1 ? computed : member(SHA_512, known.get(SHA_512)))
            : null;
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
              + "\"",
          sha512);
    }
    return new DigestCheck(
        DigestCheck.Status.MATCH, computed, "Content-Digest matches the body", sha512);
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

  /** The dictionary {@code alg=:<base64>:, …} as RFC 8941 §4.1.2 serialises it. */
  private static String serialise(Map<String, byte[]> digests) {
    StringBuilder text = new StringBuilder();
    digests.forEach(
        (algorithm, digest) ->
            text.append(text.length() == 0 ? "" : ", ").append(member(algorithm, digest)));
    return text.toString();
  }

  /** One member: the algorithm (a token-like key) and the digest as a byte sequence. */
  private static String member(String algorithm, byte[] digest) {
    return algorithm + "=:" + Base64.getEncoder().encodeToString(digest) + ":";
  }

  private static byte[] digest(String algorithm, byte[] body) {
    // digest() resets the thread's instance, so it is ready for the next body.
    return (SHA_512.equals(algorithm) ? SHA_512_DIGESTS : SHA_256_DIGESTS).get().digest(body);
  }

  /** One instance per thread: {@code getInstance} looks the provider up anew on every call. */
  private static ThreadLocal<MessageDigest> perThread(String algorithm) {
    return ThreadLocal.withInitial(
        () -> {
          try {
            return MessageDigest.getInstance(JCA_NAMES.get(algorithm));
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
          }
        });
  }
}
