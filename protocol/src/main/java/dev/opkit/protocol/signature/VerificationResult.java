package dev.opkit.protocol.signature;

import java.time.Instant;

/**
 * The outcome of {@link SignatureVerifier#verify}: verified, or failed with a reason (RFC 9421
 * §3.2).
 */
public sealed interface VerificationResult
    permits VerificationResult.Verified, VerificationResult.Failed {

  /** Whether the signature verified. */
  boolean verified();

  /**
   * The signature is valid.
   *
   * @param keyId the key that signed
   * @param created the signature's {@code created} time
   * @param signatureBase the base that was verified
   */
  record Verified(String keyId, Instant created, String signatureBase)
      implements VerificationResult {
    @Override
    public boolean verified() {
      return true;
    }
  }

  /**
   * The signature was rejected.
   *
   * @param reason which check failed
   * @param description a sentence naming exactly what was wrong, for the error response
   * @param diagnostics what the verifier worked with, for debugging
   */
  record Failed(SignatureFailure reason, String description, SignatureDiagnostics diagnostics)
      implements VerificationResult {
    @Override
    public boolean verified() {
      return false;
    }
  }
}
