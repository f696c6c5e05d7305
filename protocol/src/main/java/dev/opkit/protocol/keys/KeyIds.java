package dev.opkit.protocol.keys;

import java.util.UUID;

/**
 * Fresh key ids for new keys. Open Payments only needs a key id to be unique among the keys of one
 * wallet address (it is matched exactly against the signature's {@code keyid}); a random UUID is.
 */
public final class KeyIds {
  private KeyIds() {}

  /** A new random key id (a UUID v4 string). */
  public static String generate() {
    return UUID.randomUUID().toString();
  }
}
