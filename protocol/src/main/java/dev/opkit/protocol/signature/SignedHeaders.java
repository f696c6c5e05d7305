package dev.opkit.protocol.signature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link RequestSigner} produced for one request: the header fields to add (RFC 9421 §4.1,
 * §4.2 and RFC 9530) and the signature base that was signed, kept for debugging output.
 *
 * @param headers the header fields to send, in this order: {@code Content-Type} (only when a body
 *     was given without one), {@code Content-Digest} (only with a body), {@code Signature-Input},
 *     {@code Signature}
 * @param signatureBase the exact text that was signed
 */
public record SignedHeaders(Map<String, String> headers, String signatureBase) {
  public static final String CONTENT_TYPE = "Content-Type";
  public static final String CONTENT_DIGEST = "Content-Digest";
  public static final String SIGNATURE_INPUT = "Signature-Input";
  public static final String SIGNATURE = "Signature";

  public SignedHeaders {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The {@code Signature-Input} value, e.g. {@code sig1=("@method" ...);keyid="k";created=1}. */
  public String signatureInput() {
    return headers.get(SIGNATURE_INPUT);
  }

  /** The {@code Signature} value, e.g. {@code sig1=:<base64>:}. */
  public String signature() {
    return headers.get(SIGNATURE);
  }
}
