package dev.opkit.protocol.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeyPairTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void signWhenRfc8032TestOneThenPublishedSignature() {
    // RFC 8032 §7.1, TEST 1 (empty message).
    Ed25519KeyPair keyPair =
        Ed25519KeyPair.fromSeed(
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    assertThat(HEX.formatHex(keyPair.publicKey().bytes()))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(HEX.formatHex(keyPair.sign(new byte[0])))
        .isEqualTo(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
                + "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  }

  @Test
  void fromSeedWhenProtocolExampleSeedThenPublishedPublicKey() {
    Ed25519KeyPair keyPair = TestKeys.protocolExample();

    assertThat(keyPair.publicKey().x()).isEqualTo(TestKeys.PROTOCOL_EXAMPLE_X);
    assertThat(keyPair.seed()).isEqualTo(TestKeys.protocolExampleSeed());
    assertThat(keyPair.toJwk("key-1"))
        .isEqualTo(new Jwk("key-1", "EdDSA", null, "OKP", "Ed25519", TestKeys.PROTOCOL_EXAMPLE_X));
  }

  @Test
  void signWhenVerifiedWithPublicKeyThenValidAndTamperedDataInvalid() {
    Ed25519KeyPair keyPair = Ed25519KeyPair.generate();
    byte[] data = "the signature base".getBytes(StandardCharsets.UTF_8);

    byte[] signature = keyPair.sign(data);

    assertThat(signature).hasSize(64);
    assertThat(keyPair.publicKey().verify(data, signature)).isTrue();
    data[0] ^= 1;
    assertThat(keyPair.publicKey().verify(data, signature)).isFalse();
  }

  @Test
  void generateWhenCalledTwiceThenDifferentKeys() {
    assertThat(Ed25519KeyPair.generate().publicKey())
        .isNotEqualTo(Ed25519KeyPair.generate().publicKey());
  }

  @Test
  void seedWhenModifiedByCallerThenKeyUnchanged() {
    Ed25519KeyPair keyPair = TestKeys.protocolExample();

    keyPair.seed()[0] = 42;

    assertThat(keyPair.seed()).isEqualTo(TestKeys.protocolExampleSeed());
  }

  @Test
  void fromSeedWhenWrongLengthThenKeyFormatException() {
    assertThatThrownBy(() -> Ed25519KeyPair.fromSeed(new byte[31]))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("32 bytes; got 31");
  }

  @Test
  void toStringWhenPrintedThenSeedNotShown() {
    Ed25519KeyPair keyPair = TestKeys.protocolExample();
    String seedBase64 = Base64.getEncoder().encodeToString(keyPair.seed());
    String seedHex = HEX.formatHex(keyPair.seed());

    assertThat(keyPair.toString())
        .contains(TestKeys.PROTOCOL_EXAMPLE_X)
        .doesNotContain(seedBase64)
        .doesNotContain(seedHex);
  }
}
