package dev.opkit.protocol.signature;

import dev.opkit.protocol.keys.Ed25519PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;

/**
 * Verifies Open Payments request signatures (RFC 9421 §3.2 with Ed25519, label {@code sig1}). The
 * signature base is rebuilt from the received {@code Signature-Input}, never from a template.
 * Checks run cheapest first; the key lookup, which may do I/O, runs just before the Ed25519 check:
 * headers parse, {@code keyid}/{@code created}/{@code alg} present and usable, coverage ({@link
 * CoveredComponents}), base rebuilt, {@code Content-Digest} matches, {@code created} inside the
 * {@link VerifierPolicy} window, key found, signature valid. Immutable and thread-safe.
 */
public final class SignatureVerifier {
  static final String SIGNATURE_INPUT = "signature-input";
  static final String SIGNATURE = "signature";
  private static final String LABEL = RequestSigner.LABEL;
  private static final String ED25519 = "ed25519";
  private static final int SIGNATURE_LENGTH = 64;

  private final VerifierPolicy policy;

  public SignatureVerifier(VerifierPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy this verifier applies. */
  public VerifierPolicy policy() {
    return policy;
  }

  /**
   * Verifies the {@code sig1} signature of {@code message}.
   *
   * @param message the request as received: method, full URL, headers, body bytes
   * @param keys finds the public key for the signature's {@code keyid}; its exceptions pass through
   * @param now the current time, for the {@code created} window
   * @return {@link VerificationResult.Verified}, or {@link VerificationResult.Failed} naming the
   *     first check that failed
   */
  public VerificationResult verify(HttpMessage message, KeyLookup keys, Instant now) {
    Trace trace = new Trace(message.targetUri());
    try {
      return check(message, keys, now, trace);
    } catch (Rejected rejected) {
      return new VerificationResult.Failed(
          rejected.reason, rejected.getMessage(), trace.diagnostics);
    }
  }

  private VerificationResult check(HttpMessage message, KeyLookup keys, Instant now, Trace trace) {
    InnerList innerList = signatureInputMember(message);
    byte[] signature = signatureMember(message);
    SignatureParameters parameters = parameters(innerList);
    String keyId =
        parameters
            .keyId()
            .orElseThrow(
                () ->
                    new Rejected(
                        SignatureFailure.KEYID_MISSING, "Signature-Input has no keyid parameter"));
    trace.diagnostics = trace.diagnostics.withKeyId(keyId);
    long created =
        parameters
            .created()
            .orElseThrow(
                () ->
                    new Rejected(
                        SignatureFailure.CREATED_MISSING,
                        "Signature-Input has no created parameter"));
    Optional<String> alg = parameters.alg();
    if (alg.isPresent() && !alg.get().equals(ED25519)) {
      throw new Rejected(
          SignatureFailure.UNSUPPORTED_ALGORITHM,
          "alg \"" + alg.get() + "\" is not supported; Open Payments keys are ed25519");
    }

    Optional<CoveredComponents.Violation> violation =
        CoveredComponents.checkReceived(parameters.components(), message);
    if (violation.isPresent()) {
      throw new Rejected(violation.get().reason(), violation.get().description());
    }
    SignatureBase base = signatureBase(message, parameters);
    trace.diagnostics = trace.diagnostics.withSignatureBase(base.text());
    String bodySha512 = null;
    if (parameters.components().contains(CoveredComponents.CONTENT_DIGEST)) {
      bodySha512 = checkDigest(message, trace);
    }
    checkTime(created, parameters.expires(), now);

    Ed25519PublicKey key =
        keys.find(keyId)
            .orElseThrow(
                () ->
                    new Rejected(
                        SignatureFailure.UNKNOWN_KEY, "keyid \"" + keyId + "\" not found"));
    if (!key.verify(base.bytes(), signature)) {
      throw new Rejected(
          SignatureFailure.BAD_SIGNATURE,
          "signature does not verify with key \""
              + keyId
              + "\" over the rebuilt signature base; compare it with the base you signed");
    }
    return new VerificationResult.Verified(
        keyId, Instant.ofEpochSecond(created), base.text(), bodySha512);
  }

  private static InnerList signatureInputMember(HttpMessage message) {
    String header =
        message
            .header(SIGNATURE_INPUT)
            .orElseThrow(
                () ->
                    new Rejected(
                        SignatureFailure.SIGNATURE_INPUT_MISSING, "no Signature-Input header"));
    if (!message.hasHeader(SIGNATURE)) {
      throw new Rejected(SignatureFailure.SIGNATURE_MISSING, "no Signature header");
    }
    ListElement<? extends Object> member =
        labelled(header, "Signature-Input", SignatureFailure.MALFORMED_SIGNATURE_INPUT);
    if (!(member instanceof InnerList innerList)) {
      throw new Rejected(
          SignatureFailure.MALFORMED_SIGNATURE_INPUT,
          "Signature-Input member "
              + LABEL
              + " must be an inner list like (\"@method\" ...);keyid=\"...\";created=...; got "
              + member.serialize());
    }
    return innerList;
  }

  private static byte[] signatureMember(HttpMessage message) {
    String header = message.header(SIGNATURE).orElseThrow();
    ListElement<? extends Object> member =
        labelled(header, "Signature", SignatureFailure.MALFORMED_SIGNATURE);
    if (!(member instanceof ByteSequenceItem item)) {
      throw new Rejected(
          SignatureFailure.MALFORMED_SIGNATURE,
          "Signature member "
              + LABEL
              + " must be a byte sequence like :<base64>:; got "
              + member.serialize());
    }
    byte[] signature = ByteSequences.toArray(item.get());
    if (signature.length != SIGNATURE_LENGTH) {
      throw new Rejected(
          SignatureFailure.MALFORMED_SIGNATURE,
          "Signature member "
              + LABEL
              + " holds "
              + signature.length
              + " bytes; an Ed25519 signature has "
              + SIGNATURE_LENGTH);
    }
    return signature;
  }

  private static ListElement<? extends Object> labelled(
      String header, String name, SignatureFailure malformed) {
    Map<String, ListElement<? extends Object>> members;
    try {
      members = Parser.parseDictionary(header).get();
    } catch (ParseException e) {
      throw new Rejected(
          malformed, name + " is not an RFC 8941 dictionary (" + e.getMessage() + ")");
    }
    ListElement<? extends Object> member = members.get(LABEL);
    if (member == null) {
      throw new Rejected(
          SignatureFailure.LABEL_MISSING,
          name + " has no \"" + LABEL + "\" member; found " + members.keySet());
    }
    return member;
  }

  private static SignatureParameters parameters(InnerList innerList) {
    try {
      return SignatureParameters.from(innerList);
    } catch (SignatureFormatException e) {
      throw new Rejected(
          SignatureFailure.MALFORMED_SIGNATURE_INPUT,
          "Signature-Input " + LABEL + ": " + e.getMessage());
    }
  }

  private static SignatureBase signatureBase(HttpMessage message, SignatureParameters parameters) {
    try {
      return SignatureBase.of(message, parameters);
    } catch (SignatureFormatException e) {
      throw new Rejected(SignatureFailure.UNSUPPORTED_COMPONENT, e.getMessage());
    }
  }

  /** Checks the Content-Digest; returns the body's sha-512 member when it was computed. */
  private static String checkDigest(HttpMessage message, Trace trace) {
    byte[] body = message.bodyBytes();
    String header = message.header(CoveredComponents.CONTENT_DIGEST).orElseThrow();
    DigestCheck check;
    try {
      check = ContentDigest.check(header, body);
    } catch (SignatureFormatException e) {
      trace.diagnostics = trace.diagnostics.withComputedDigest(ContentDigest.sha512(body));
      throw new Rejected(SignatureFailure.MALFORMED_DIGEST, e.getMessage());
    }
    trace.diagnostics = trace.diagnostics.withComputedDigest(check.computed());
    return switch (check.status()) {
      case MATCH -> check.sha512();
      case MISMATCH -> throw new Rejected(SignatureFailure.DIGEST_MISMATCH, check.description());
      case NO_SUPPORTED_ALGORITHM ->
          throw new Rejected(SignatureFailure.DIGEST_ALGORITHM_UNSUPPORTED, check.description());
    };
  }

  private void checkTime(long created, Optional<Long> expires, Instant now) {
    Instant createdAt = Instant.ofEpochSecond(created);
    if (createdAt.isAfter(now.plus(policy.maxFutureSkew()))) {
      throw new Rejected(
          SignatureFailure.CREATED_IN_FUTURE,
          "created="
              + created
              + " ("
              + createdAt
              + ") is "
              + Duration.between(now, createdAt).toSeconds()
              + " s in the future; at most "
              + policy.maxFutureSkew().toSeconds()
              + " s of clock skew is allowed");
    }
    if (createdAt.isBefore(now.minus(policy.maxAge()))) {
      throw new Rejected(
          SignatureFailure.CREATED_TOO_OLD,
          "created="
              + created
              + " ("
              + createdAt
              + ") is "
              + Duration.between(createdAt, now).toSeconds()
              + " s old; signatures older than "
              + policy.maxAge().toSeconds()
              + " s are refused");
    }
    if (expires.isPresent() && !Instant.ofEpochSecond(expires.get()).isAfter(now)) {
      throw new Rejected(
          SignatureFailure.EXPIRED,
          "the signature expired at "
              + Instant.ofEpochSecond(expires.get())
              + " (expires="
              + expires.get()
              + ")");
    }
  }

  /** The diagnostics gathered so far, kept when a later check rejects the request. */
  private static final class Trace {
    private SignatureDiagnostics diagnostics;

    private Trace(String targetUri) {
      this.diagnostics = SignatureDiagnostics.of(targetUri);
    }
  }

  /** A failed check; caught in {@link #verify} and turned into a result, never thrown out. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SignatureFailure reason;

    private Rejected(SignatureFailure reason, String description) {
      super(description, null, false, false);
      this.reason = reason;
    }
  }
}
