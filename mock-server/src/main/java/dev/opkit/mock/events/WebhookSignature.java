package dev.opkit.mock.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The {@code Rafiki-Signature} header of a webhook, as Rafiki's backend writes it: {@code
 * t=<milliseconds>, v1=<hex HMAC-SHA256(secret, "<t>.<canonical body>")>}, where the canonical body
 * is the JSON Canonicalization Scheme (RFC 8785) form of the body sent, so a receiver can check it
 * with {@code canonicalize(request.body)}.
 */
public final class WebhookSignature {
  /** The header's name. */
  public static final String HEADER = "Rafiki-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The RFC 8785 canonical form of a JSON text. */
  public static String canonical(String json) {
    try {
      return new JsonCanonicalizer(json).getEncodedString();
    } catch (IOException e) {
      throw new UncheckedIOException("the webhook body is not JSON: " + e.getMessage(), e);
    }
  }

  /** The header value for a body (in canonical form) signed at {@code timestampMillis}. */
  public static String header(String secret, long timestampMillis, String canonicalBody) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      byte[] digest =
          mac.doFinal((timestampMillis + "." + canonicalBody).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestampMillis + ", v1=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }
}
