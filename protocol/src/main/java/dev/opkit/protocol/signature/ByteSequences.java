package dev.opkit.protocol.signature;

import java.nio.ByteBuffer;

/** Reads the bytes of an RFC 8941 byte sequence as the structured-fields library hands them out. */
final class ByteSequences {
  private ByteSequences() {}

  /** The remaining bytes of {@code buffer}, leaving the buffer itself untouched. */
  static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
