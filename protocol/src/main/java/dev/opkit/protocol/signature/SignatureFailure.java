package dev.opkit.protocol.signature;

/**
 * Why a request signature was rejected: one value per check of RFC 9421 §3.2 as Open Payments
 * profiles it (label {@code sig1}, required components, Ed25519) plus RFC 9530 digests.
 */
public enum SignatureFailure {
  /** No {@code Signature-Input} header. */
  SIGNATURE_INPUT_MISSING,
  /** No {@code Signature} header. */
  SIGNATURE_MISSING,
  /** {@code Signature-Input} is not a valid dictionary of inner lists of component names. */
  MALFORMED_SIGNATURE_INPUT,
  /** {@code Signature} is not a dictionary holding a 64-byte byte sequence. */
  MALFORMED_SIGNATURE,
  /** No {@code sig1} member in {@code Signature-Input} or {@code Signature}. */
  LABEL_MISSING,
  /** A component identifier is upper-case or not one this verifier can compute. */
  UNSUPPORTED_COMPONENT,
  /** No {@code keyid} signature parameter. */
  KEYID_MISSING,
  /** The {@code alg} parameter names an algorithm other than {@code ed25519}. */
  UNSUPPORTED_ALGORITHM,
  /** A component Open Payments requires is not covered. */
  COMPONENT_NOT_COVERED,
  /** A covered header is absent from the request. */
  COVERED_HEADER_MISSING,
  /** A body is signed but the Content-Length or Content-Type header is absent (Rafiki rule). */
  BODY_HEADER_MISSING,
  /** A body is present or {@code content-digest} is covered, but no {@code Content-Digest}. */
  DIGEST_MISSING,
  /** {@code Content-Digest} is not a valid RFC 9530 dictionary. */
  MALFORMED_DIGEST,
  /** {@code Content-Digest} lists neither sha-256 nor sha-512. */
  DIGEST_ALGORITHM_UNSUPPORTED,
  /** {@code Content-Digest} does not match the body bytes. */
  DIGEST_MISMATCH,
  /** No {@code created} signature parameter. */
  CREATED_MISSING,
  /** {@code created} is further in the past than the policy allows. */
  CREATED_TOO_OLD,
  /** {@code created} is further in the future than the policy's clock skew allows. */
  CREATED_IN_FUTURE,
  /** The {@code expires} signature parameter has passed. */
  EXPIRED,
  /** No key with the signature's {@code keyid} was found. */
  UNKNOWN_KEY,
  /** The Ed25519 signature does not verify over the rebuilt signature base. */
  BAD_SIGNATURE
}
