package dev.opkit.mock.auth.journal;

import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.PossibleReplay;
import dev.opkit.protocol.signature.HttpMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers the signed requests that verified, for as long as their signature stays acceptable, to
 * tell when one arrives again byte for byte (RFC 9421 §7.2.2: a signature alone does not stop
 * replays, and deployed wallets accept them). Two requests count as the same only when the
 * provider, method, exact {@code @target-uri}, {@code Signature-Input}, {@code Signature} and the
 * body's digest all agree; even then it is a <em>possible</em> replay, since a client that signs
 * without a nonce (the official SDKs) sends identical bytes for two identical requests in the same
 * second. The sightings are the session's, kept (bounded) by its {@link JournalStore}.
 */
public final class ReplayWatch {
  private final Duration validity;

  /**
   * @param validity how long after it first arrived a request's signature may still be accepted:
   *     the signature's greatest age plus its greatest skew into the future
   */
  public ReplayWatch(Duration validity) {
    this.validity = validity;
  }

  /**
   * Notes, in the session's journal, a verified request that arrived at {@code now}, which the
   * journal records as entry {@code sequence}.
   *
   * @return its first sighting when the same signed request arrived before, within its validity
   */
  public Optional<PossibleReplay> sight(
      JournalStore journal, String fingerprint, Instant now, long sequence) {
    return journal.sight(fingerprint, now, now.plus(validity), new PossibleReplay(now, sequence));
  }

  /**
   * What makes two signed requests the same, computed before the journal's transaction so the
   * transaction stays short.
   */
  public static String fingerprint(String ase, HttpMessage message) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    // One buffer for every length prefix: four bytes each, five before the body.
    ByteBuffer prefix = ByteBuffer.allocate(5);
    for (String part :
        new String[] {
          ase,
          message.method(),
          message.targetUri(),
          message.header("Signature-Input").orElse(""),
          message.header("Signature").orElse("")
        }) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha256.update(prefix.clear().putInt(bytes.length).array(), 0, 4);
      sha256.update(bytes);
    }
    byte[] body = message.hasBody() ? message.body() : new byte[0];
    sha256.update(
        prefix.clear().put((byte) (message.hasBody() ? 1 : 0)).putInt(body.length).array(), 0, 5);
    sha256.update(body);
    return HexFormat.of().formatHex(sha256.digest());
  }
}
