package dev.opkit.protocol.signature;

import java.util.Optional;

/**
 * What the verifier worked with, so a developer can diff it against what they signed.
 *
 * @param targetUri the {@code @target-uri} the verifier used (its view of the request URL)
 * @param keyId the {@code keyid} parameter, once it was read
 * @param signatureBase the signature base the verifier rebuilt, once it got that far
 * @param computedDigest the {@code Content-Digest} the verifier computed from the body, when it
 *     checked one
 */
public record SignatureDiagnostics(
    String targetUri,
    Optional<String> keyId,
    Optional<String> signatureBase,
    Optional<String> computedDigest) {

  static SignatureDiagnostics of(String targetUri) {
    return new SignatureDiagnostics(
        targetUri, Optional.empty(), Optional.empty(), Optional.empty());
  }

  SignatureDiagnostics withKeyId(String value) {
    return new SignatureDiagnostics(targetUri, Optional.of(value), signatureBase, computedDigest);
  }

  SignatureDiagnostics withSignatureBase(String value) {
    return new SignatureDiagnostics(targetUri, keyId, Optional.of(value), computedDigest);
  }

  SignatureDiagnostics withComputedDigest(String value) {
    return new SignatureDiagnostics(targetUri, keyId, signatureBase, Optional.of(value));
  }
}
