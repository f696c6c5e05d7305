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
   * @param bodySha512 the body's sha-512 {@code Content-Digest} member ({@code sha-512=:…:}) as the
   *     digest check computed it, or null when it computed none (no body, or only sha-256 listed),
   *     so that callers need not digest the body again
   */
  record Verified(String keyId, Instant created, String signatureBase, String bodySha512)
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
