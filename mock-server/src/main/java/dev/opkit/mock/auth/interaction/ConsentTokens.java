package dev.opkit.mock.auth.interaction;

import dev.opkit.mock.store.Interaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a consent page carries in its form, so that a decision is only taken from the page this
 * auth server showed (cross-site request forgery: otherwise a bare POST {@code decision=accept},
 * from a page on another site or from the client itself, approves the grant). The token is bound to
 * the interaction: an HMAC-SHA256, under a key drawn at random for the sandbox (shared by the
 * processes on one database), over the interaction's id and URL nonce. It cannot be guessed without
 * the key, needs no storage, and is of no use once the interaction has its answer. It travels only
 * in the page and the form body, never in a URL, and is never logged.
 */
public final class ConsentTokens {
  /** The form field that carries it. */
  public static final String FIELD = "consent_token";

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * @param secret the key, the same on every node of a sandbox (so a page shown by one can be
   *     answered through another)
   */
  public ConsentTokens(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The token of an interaction's consent page. */
  public String tokenFor(Interaction interaction) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(interaction));
  }

  /** Whether {@code token} is the one of this interaction's page (constant time). */
  public boolean matches(Interaction interaction, String token) {
    if (token == null) {
      return false;
    }
    return MessageDigest.isEqual(
        tokenFor(interaction).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(Interaction interaction) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(
          ("consent\n" + interaction.id() + "\n" + interaction.urlNonce())
              .getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }
}
