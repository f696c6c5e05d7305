package dev.opkit.protocol.signature;

/**
 * The outcome of checking a {@code Content-Digest} against the body (RFC 9530 §2).
 *
 * @param status whether the digest matched
 * @param computed the {@code Content-Digest} value computed from the body, for the algorithms the
 *     sender listed (sha-512 when none was supported), so a developer can compare it with theirs
 * @param description a sentence saying what matched or what did not
 * @param sha512 the body's sha-512 member ({@code sha-512=:…:}) when it was computed (the sender
 *     listed sha-512, or no supported algorithm), else null
 */
public record DigestCheck(Status status, String computed, String description, String sha512) {

  /** How the received digest compares with the body. */
  public enum Status {
    /** Every listed supported algorithm matches the body. */
    MATCH,
    /** At least one listed supported algorithm does not match the body. */
    MISMATCH,
    /** Only algorithms other than sha-256 and sha-512 were listed. */
    NO_SUPPORTED_ALGORITHM
  }

  /** Whether the digest matched. */
  public boolean matches() {
    return status == Status.MATCH;
  }
}
