package dev.opkit.protocol.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Keys with published test vectors, for known-answer tests. */
public final class TestKeys {
  /** The key id of {@link #protocolExample()} in PROTOCOL.md §3. */
  public static final String PROTOCOL_EXAMPLE_KID = "key-1";

  /** The JWK {@code x} of {@link #protocolExample()}. */
  public static final String PROTOCOL_EXAMPLE_X = "ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ";

  /** The key id of {@link #rfc9421()} in RFC 9421 Appendix B.1.4. */
  public static final String RFC9421_KID = "test-key-ed25519";

  /** The JWK {@code x} of {@link #rfc9421()} (RFC 9421 Appendix B.1.4). */
  public static final String RFC9421_X = "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs";

  private TestKeys() {}

  /** The seed {@code 01 02 … 20} of the worked examples in PROTOCOL.md §3. */
  public static byte[] protocolExampleSeed() {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i + 1);
    }
    return seed;
  }

  /** The key of the worked examples in PROTOCOL.md §3 (kid "key-1"). */
  public static Ed25519KeyPair protocolExample() {
    return Ed25519KeyPair.fromSeed(protocolExampleSeed());
  }

  /** A second fixed key, seed {@code 21 22 … 40}. */
  public static Ed25519KeyPair second() {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i + 0x21);
    }
    return Ed25519KeyPair.fromSeed(seed);
  }

  /** {@code test-key-ed25519} of RFC 9421 Appendix B.1.4, read from its PEM. */
  public static Ed25519KeyPair rfc9421() {
    return PemKeys.readPrivateKey(resource("rfc9421/test-key-ed25519-private.pem"));
  }

  /** The text of a test resource. */
  public static String resource(String path) {
    try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
