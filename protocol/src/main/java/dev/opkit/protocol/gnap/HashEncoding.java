package dev.opkit.protocol.gnap;

import java.util.Base64;

/**
 * How the interaction finish {@code hash} is encoded. RFC 9635 §4.2.3 and the Open Payments docs'
 * example use base64url without padding; Rafiki (and the docs' JavaScript snippet) use standard
 * base64 with padding (PROTOCOL.md §4.2, §9.1).
 */
public enum HashEncoding {
  /** Standard base64 alphabet ({@code +/}) with {@code =} padding: what Rafiki sends. */
  STANDARD_PADDED,
  /** base64url alphabet ({@code -_}) without padding: RFC 9635. */
  URL_UNPADDED;

  /** Encodes the raw hash bytes. */
  public String encode(byte[] hash) {
    return this == STANDARD_PADDED
        ? Base64.getEncoder().encodeToString(hash)
        : Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }
}
