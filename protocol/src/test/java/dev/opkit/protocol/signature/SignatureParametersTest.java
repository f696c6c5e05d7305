package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureParametersTest {
  @Test
  void ofWhenOpenPaymentsSignerThenKeyidBeforeCreated() {
    SignatureParameters parameters =
        SignatureParameters.of(List.of("@method", "@target-uri"), "key-1", 1735689600L);

    assertThat(parameters.serialise())
        .isEqualTo("(\"@method\" \"@target-uri\");keyid=\"key-1\";created=1735689600");
    assertThat(parameters.keyId()).contains("key-1");
    assertThat(parameters.created()).contains(1735689600L);
    assertThat(parameters.alg()).isEmpty();
    assertThat(parameters.expires()).isEmpty();
  }

  @Test
  void parseWhenParametersInOtherOrderThenOrderKept() {
    String input = "(\"@method\");created=1;alg=\"ed25519\";keyid=\"k\";expires=2;nonce=\"n\"";

    SignatureParameters parameters = SignatureParameters.parse(input);

    assertThat(parameters.serialise()).isEqualTo(input);
    assertThat(parameters.components()).containsExactly("@method");
    assertThat(parameters.alg()).contains("ed25519");
    assertThat(parameters.expires()).contains(2L);
  }

  @Test
  void parseWhenNoComponentsThenEmptyList() {
    assertThat(SignatureParameters.parse("();created=1").components()).isEmpty();
  }

  @Test
  void parseWhenComponentIsATokenThenSignatureFormatException() {
    assertThatThrownBy(() -> SignatureParameters.parse("(\"@method\" authorization)"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("quoted strings")
        .hasMessageContaining("authorization");
  }

  @Test
  void parseWhenComponentHasParametersThenSignatureFormatException() {
    assertThatThrownBy(() -> SignatureParameters.parse("(\"content-digest\";sf)"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("component parameters are not supported");
  }

  @Test
  void parseWhenComponentRepeatedThenSignatureFormatException() {
    assertThatThrownBy(() -> SignatureParameters.parse("(\"@method\" \"@method\")"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("\"@method\" is listed twice");
  }

  @Test
  void parseWhenCreatedIsAStringThenSignatureFormatException() {
    assertThatThrownBy(() -> SignatureParameters.parse("(\"@method\");created=\"1735689600\""))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("created must be an integer");
  }

  @Test
  void parseWhenKeyidIsATokenThenSignatureFormatException() {
    assertThatThrownBy(() -> SignatureParameters.parse("(\"@method\");keyid=key-1"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("keyid must be a quoted string");
  }

  @Test
  void parseWhenNotAnInnerListThenSignatureFormatException() {
    assertThatThrownBy(() -> SignatureParameters.parse("\"@method\";keyid=\"k\""))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("inner list");
  }
}
