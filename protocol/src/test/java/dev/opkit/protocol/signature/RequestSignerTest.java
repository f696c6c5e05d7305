package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestSignerTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String URL = "https://wallet.example/incoming-payments";

  private final Ed25519KeyPair key = TestKeys.protocolExample();
  private final RequestSigner signer =
      new RequestSigner(key, "key-1", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void signWhenNoBodyThenOnlySignatureHeaders() {
    SignedHeaders signed = signer.sign("GET", URL, Map.of(), null);

    assertThat(signed.headers()).containsOnlyKeys("Signature-Input", "Signature");
    assertThat(signed.signatureInput())
        .isEqualTo(
            "sig1=(\"@method\" \"@target-uri\");keyid=\"key-1\";created=" + NOW.getEpochSecond());
    assertThat(signed.signature()).startsWith("sig1=:").endsWith(":");
  }

  @Test
  void signWhenBodyWithoutContentTypeThenApplicationJsonAddedAndSigned() {
    SignedHeaders signed = signer.sign("POST", URL, Map.of(), utf8("{}"));

    assertThat(signed.headers())
        .containsKeys("Content-Type", "Content-Digest")
        .containsEntry("Content-Type", "application/json");
    assertThat(signed.signatureBase()).contains("\"content-type\": application/json\n");
  }

  @Test
  void signWhenContentTypeGivenThenKeptAndNotRepeated() {
    SignedHeaders signed =
        signer.sign("POST", URL, Map.of("content-type", "application/json"), utf8("{}"));

    assertThat(signed.headers()).doesNotContainKey("Content-Type");
  }

  @Test
  void signWhenBodyHasMultiByteCharactersThenContentLengthCountsBytes() {
    SignedHeaders signed = signer.sign("POST", URL, Map.of(), utf8("{\"a\":\"é☕\"}"));

    assertThat(signed.signatureBase()).contains("\"content-length\": 13\n");
  }

  @Test
  void signWhenContentLengthDisagreesWithBodyThenIllegalArgument() {
    assertThatThrownBy(() -> signer.sign("POST", URL, Map.of("Content-Length", "3"), utf8("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Content-Length 3 does not match the body length 2");
  }

  @Test
  void signWhenContentLengthAgreesThenSigned() {
    SignedHeaders signed = signer.sign("POST", URL, Map.of("Content-Length", "2"), utf8("{}"));

    assertThat(signed.signatureBase()).contains("\"content-length\": 2\n");
  }

  @Test
  void signWhenClockMovesThenCreatedFollows() {
    RequestSigner later =
        new RequestSigner(key, "key-1", Clock.fixed(NOW.plusSeconds(90), ZoneOffset.UTC));

    assertThat(later.sign("GET", URL, Map.of(), null).signatureInput())
        .endsWith(";created=" + (NOW.getEpochSecond() + 90));
  }

  @Test
  void signWhenSignatureCheckedAgainstExposedBaseThenValid() {
    SignedHeaders signed =
        signer.sign("POST", URL, Map.of("Authorization", "GNAP T"), utf8("{\"a\":1}"));
    String signature = signed.signature();
    byte[] raw =
        Base64.getDecoder().decode(signature.substring("sig1=:".length(), signature.length() - 1));

    assertThat(key.publicKey().verify(utf8(signed.signatureBase()), raw)).isTrue();
  }

  @Test
  void constructorWhenKeyIdEmptyThenIllegalArgument() {
    assertThatThrownBy(() -> new RequestSigner(key, "", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
