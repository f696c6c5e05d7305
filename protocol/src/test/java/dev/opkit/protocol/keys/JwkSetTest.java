package dev.opkit.protocol.keys;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JwkSetTest {
  private static final Jwk ED25519 =
      new Jwk("key-1", "EdDSA", null, "OKP", "Ed25519", TestKeys.PROTOCOL_EXAMPLE_X);
  private static final Jwk EC =
      new Jwk("ec-1", "ES256", null, "EC", "P-256", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU");

  @Test
  void requireOpenPaymentsKeysWhenOnlyEd25519KeysThenAccepted() {
    assertThatCode(() -> new JwkSet(List.of(ED25519)).requireOpenPaymentsKeys())
        .doesNotThrowAnyException();
    assertThatCode(() -> new JwkSet(List.of()).requireOpenPaymentsKeys())
        .doesNotThrowAnyException();
  }

  @Test
  void requireOpenPaymentsKeysWhenOneKeyIsEcThenWholeSetRefusedNamingIt() {
    JwkSet set = new JwkSet(List.of(ED25519, EC));

    assertThatThrownBy(set::requireOpenPaymentsKeys)
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("keys[1] (kid \"ec-1\"): ")
        .hasMessageContaining("\"kty\" is \"EC\"")
        .extracting(e -> ((KeyFormatException) e).field())
        .isEqualTo("kty");
  }

  @Test
  void requireOpenPaymentsKeysWhenKidOrAlgMissingThenRefused() {
    Jwk noKid = new Jwk(null, "EdDSA", null, "OKP", "Ed25519", TestKeys.PROTOCOL_EXAMPLE_X);
    Jwk noAlg = new Jwk("key-2", null, null, "OKP", "Ed25519", TestKeys.PROTOCOL_EXAMPLE_X);

    assertThatThrownBy(() -> new JwkSet(List.of(noKid)).requireOpenPaymentsKeys())
        .hasMessage("keys[0]: JWK member \"kid\" is missing");
    assertThatThrownBy(() -> new JwkSet(List.of(ED25519, noAlg)).requireOpenPaymentsKeys())
        .hasMessageContaining("keys[1] (kid \"key-2\"): JWK member \"alg\" is missing");
  }
}
