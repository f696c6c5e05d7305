package dev.opkit.protocol.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opkit.protocol.json.Json;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519PublicKeyTest {
  private static final String X = TestKeys.PROTOCOL_EXAMPLE_X;

  private static Jwk jwk(String alg, String use, String kty, String crv, String x) {
    return new Jwk("key-1", alg, use, kty, crv, x);
  }

  @Test
  void fromJwkWhenOpenPaymentsFormThenKeyBytesDecoded() {
    Ed25519PublicKey key = Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "Ed25519", X));

    assertThat(key).isEqualTo(TestKeys.protocolExample().publicKey());
    assertThat(key.bytes()).isEqualTo(Base64.getUrlDecoder().decode(X));
  }

  @Test
  void fromJwkWhenAlgAndUseAbsentThenAccepted() {
    assertThat(Ed25519PublicKey.fromJwk(jwk(null, null, "OKP", "Ed25519", X)).x()).isEqualTo(X);
  }

  @Test
  void toJwkWhenRoundTrippedThroughJsonThenSameKey() throws JsonProcessingException {
    Ed25519PublicKey key = Ed25519KeyPair.generate().publicKey();

    String json = Json.write(key.toJwk("k-7", true));
    Jwk parsed = Json.mapper().readValue(json, Jwk.class);

    assertThat(json).contains("\"use\":\"sig\"").contains("\"alg\":\"EdDSA\"");
    assertThat(parsed.kid()).isEqualTo("k-7");
    assertThat(Ed25519PublicKey.fromJwk(parsed)).isEqualTo(key);
  }

  @Test
  void toJwkWhenNoUseRequestedThenUseOmitted() {
    String json = Json.write(TestKeys.protocolExample().publicKey().toJwk("key-1"));

    assertThat(json)
        .isEqualTo(
            "{\"kid\":\"key-1\",\"alg\":\"EdDSA\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                + X
                + "\"}");
  }

  @Test
  void fromJwkWhenKtyWrongThenNamesKty() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "EC", "Ed25519", X)))
        .isInstanceOfSatisfying(
            KeyFormatException.class, e -> assertThat(e.field()).isEqualTo("kty"))
        .hasMessage("JWK member \"kty\" is \"EC\"; Open Payments keys need \"OKP\"");
  }

  @Test
  void fromJwkWhenKtyMissingThenNamesKty() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, null, "Ed25519", X)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("JWK member \"kty\" is missing; it must be \"OKP\"");
  }

  @Test
  void fromJwkWhenCurveX25519ThenNamesCrv() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "X25519", X)))
        .isInstanceOfSatisfying(
            KeyFormatException.class, e -> assertThat(e.field()).isEqualTo("crv"))
        .hasMessageContaining("\"X25519\"");
  }

  @Test
  void fromJwkWhenAlgOtherThanEdDsaThenNamesAlg() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromJwk(jwk("ES256", null, "OKP", "Ed25519", X)))
        .isInstanceOfSatisfying(
            KeyFormatException.class, e -> assertThat(e.field()).isEqualTo("alg"))
        .hasMessageContaining("\"ES256\"");
  }

  @Test
  void fromJwkWhenUseEncThenNamesUse() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromJwk(jwk("EdDSA", "enc", "OKP", "Ed25519", X)))
        .isInstanceOfSatisfying(
            KeyFormatException.class, e -> assertThat(e.field()).isEqualTo("use"));
  }

  @Test
  void fromJwkWhenXMissingThenNamesX() {
    assertThatThrownBy(() -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "Ed25519", null)))
        .isInstanceOfSatisfying(KeyFormatException.class, e -> assertThat(e.field()).isEqualTo("x"))
        .hasMessageContaining("\"x\" is missing");
  }

  @Test
  void fromJwkWhenXPaddedThenRejected() {
    assertThatThrownBy(
            () -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "Ed25519", X + "=")))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("base64url without padding");
  }

  @Test
  void fromJwkWhenXInStandardBase64ThenRejected() {
    String standard = Base64.getEncoder().withoutPadding().encodeToString(new byte[] {-5, -1, -2});
    assertThat(standard).containsAnyOf("+", "/");

    assertThatThrownBy(
            () -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "Ed25519", standard)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("base64url without padding");
  }

  @Test
  void fromJwkWhenXDecodesToWrongLengthThenRejected() {
    String shortKey = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[31]);

    assertThatThrownBy(
            () -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "Ed25519", shortKey)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("JWK member \"x\" decodes to 31 bytes; an Ed25519 public key is 32");
  }

  @Test
  void fromJwkWhenXHasNonZeroUnusedBitsThenRejected() {
    // The last of 43 characters carries 2 unused bits: "Q" is 010000, "R" (010001) sets one.
    assertThat(X).endsWith("Q");
    String nonCanonical = X.substring(0, 42) + "R";

    assertThatThrownBy(
            () -> Ed25519PublicKey.fromJwk(jwk("EdDSA", null, "OKP", "Ed25519", nonCanonical)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("canonical");
  }

  @Test
  void fromBytesWhenNotACurvePointThenRejected() {
    byte[] notAPoint = new byte[32];
    java.util.Arrays.fill(notAPoint, (byte) 0xff);

    assertThatThrownBy(() -> Ed25519PublicKey.fromBytes(notAPoint))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("not a valid Ed25519 public key");
  }

  @Test
  void verifyWhenSignatureHasWrongLengthThenFalse() {
    Ed25519KeyPair keyPair = TestKeys.protocolExample();
    byte[] data = {1, 2, 3};
    byte[] signature = keyPair.sign(data);

    assertThat(keyPair.publicKey().verify(data, java.util.Arrays.copyOf(signature, 63))).isFalse();
  }

  @Test
  void verifyWhenAnotherKeySignedThenFalse() {
    byte[] data = {1, 2, 3};

    assertThat(TestKeys.protocolExample().publicKey().verify(data, TestKeys.second().sign(data)))
        .isFalse();
  }

  @Test
  void equalsWhenSameBytesThenEqualAndSameHash() {
    Ed25519PublicKey a = Ed25519PublicKey.fromBytes(TestKeys.protocolExample().publicKey().bytes());
    Ed25519PublicKey b = TestKeys.protocolExample().publicKey();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(TestKeys.second().publicKey());
  }
}
