package dev.opkit.protocol.signature;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;

/**
 * Signs Open Payments requests (RFC 9421 §3.1 with Ed25519) exactly as the official Node SDK does:
 * label {@code sig1}, the components from {@link CoveredComponents#forSigning}, parameters {@code
 * keyid} then {@code created}, and a sha-512 {@code Content-Digest} when there is a body. Immutable
 * and thread-safe.
 *
 * <p>With a body, {@code content-length} is signed as the body's byte length, the value HTTP
 * clients such as {@code java.net.http} send themselves; a {@code Content-Length} passed in must
 * agree. A body without {@code Content-Type} is signed and sent as {@code application/json}. {@code
 * Content-Digest} is always computed here; one passed in is replaced by the returned one.
 */
public final class RequestSigner {
  /** The signature label Open Payments uses and Rafiki requires. */
  public static final String LABEL = "sig1";

  static final String JSON = "application/json";

  private final Ed25519KeyPair keyPair;
  private final String keyId;
  private final Clock clock;

  /**
   * A signer for one key.
   *
   * @param keyPair the client's private key
   * @param keyId the {@code kid} of its public JWK at the client's wallet address
   * @param clock the source of the {@code created} parameter
   */
  public RequestSigner(Ed25519KeyPair keyPair, String keyId, Clock clock) {
    this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (keyId.isEmpty()) {
      throw new IllegalArgumentException("keyId must not be empty");
    }
  }

  /**
   * Signs a request.
   *
   * @param method the HTTP method
   * @param targetUri the absolute URL exactly as it will be sent (raw, percent-encoded query)
   * @param headers the header fields that will be sent (e.g. Authorization); may be empty
   * @param body the body bytes, or {@code null} / empty for none
   * @return the header fields to add and the signed base
   */
  public SignedHeaders sign(
      String method, String targetUri, Map<String, String> headers, byte[] body) {
    return sign(new HttpMessage(method, targetUri, headers, body));
  }

  /** Signs {@code message}; see {@link #sign(String, String, Map, byte[])}. */
  public SignedHeaders sign(HttpMessage message) {
    Map<String, String> added = new LinkedHashMap<>();
    HttpMessage toSign = message;
    if (message.hasBody()) {
      byte[] body = message.body();
      String length = Integer.toString(body.length);
      Optional<String> givenLength = message.header(CoveredComponents.CONTENT_LENGTH);
      if (givenLength.isPresent() && !givenLength.get().strip().equals(length)) {
        throw new IllegalArgumentException(
            "Content-Length " + givenLength.get() + " does not match the body length " + length);
      }
      if (!message.hasHeader(CoveredComponents.CONTENT_TYPE)) {
        added.put(SignedHeaders.CONTENT_TYPE, JSON);
      }
      added.put(SignedHeaders.CONTENT_DIGEST, ContentDigest.sha512(body));
      Map<String, String> signedOnly = new LinkedHashMap<>(added);
      signedOnly.put(CoveredComponents.CONTENT_LENGTH, length);
      toSign = message.withHeaders(signedOnly);
    }
    List<String> components = CoveredComponents.forSigning(toSign);
    SignatureParameters parameters =
        SignatureParameters.of(components, keyId, clock.instant().getEpochSecond());
    SignatureBase base = SignatureBase.of(toSign, parameters);
    byte[] signature = keyPair.sign(base.bytes());
    added.put(SignedHeaders.SIGNATURE_INPUT, member(parameters.innerList()));
    added.put(SignedHeaders.SIGNATURE, member(ByteSequenceItem.valueOf(signature)));
    return new SignedHeaders(added, base.text());
  }

  private static String member(ListElement<? extends Object> value) {
    Map<String, ListElement<? extends Object>> members = new LinkedHashMap<>();
    members.put(LABEL, value);
    return Dictionary.valueOf(members).serialize();
  }

  /** The key id this signer puts in {@code keyid}. */
  public String keyId() {
    return keyId;
  }
}
