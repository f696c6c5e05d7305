package dev.opkit.protocol.gnap;

import dev.opkit.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The interaction finish hash (RFC 9635 §4.2.3; PROTOCOL.md §4.2): SHA-256 over the client's {@code
 * finish.nonce}, the AS's {@code interact.finish} nonce, the {@code interact_ref} and the grant
 * endpoint URI the client posted to, joined by single {@code \n} with no trailing newline. The
 * grant endpoint is the wallet address's {@code authServer} string exactly as given.
 */
public record FinishHash(
    String clientNonce, String serverNonce, String interactRef, String grantEndpointUri) {

  public FinishHash {
    requirePresent(clientNonce, "client nonce (interact.finish.nonce of the grant request)");
    requirePresent(serverNonce, "server nonce (interact.finish of the grant response)");
    requirePresent(interactRef, "interact_ref");
    requirePresent(grantEndpointUri, "grant endpoint URI (the wallet address's authServer)");
  }

  /** The SHA-256 digest of the four lines. */
  public byte[] digest() {
    String input = clientNonce + "\n" + serverNonce + "\n" + interactRef + "\n" + grantEndpointUri;
    try {
      return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The hash in the given encoding, as an AS puts it in the finish redirect's {@code hash}. */
  public String encode(HashEncoding encoding) {
    return encoding.encode(digest());
  }

  /**
   * True if {@code received} is this hash in either encoding. Both are normalised to base64url
   * without padding ({@code +}→{@code -}, {@code /}→{@code _}, trailing {@code =} dropped) and
   * compared in constant time.
   */
  public boolean matches(String received) {
    if (received == null) {
      return false;
    }
    byte[] expected = HashEncoding.URL_UNPADDED.encode(digest()).getBytes(StandardCharsets.UTF_8);
    byte[] actual = normalise(received).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }

  private static String normalise(String hash) {
    int end = hash.length();
    while (end > 0 && hash.charAt(end - 1) == '=') {
      end--;
    }
    return hash.substring(0, end).replace('+', '-').replace('/', '_');
  }

  private static void requirePresent(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new ProtocolException("finish hash: the " + name + " is missing");
    }
  }
}
