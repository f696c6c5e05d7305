package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDigestTest {
  /** The body of the RFC 9421 Appendix B.2 test request, with its RFC 9530 digests. */
  private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

  private static final String SHA_512 =
      "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";
  private static final String SHA_256 = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

  @Test
  void sha512WhenRfcTestBodyThenPublishedDigest() {
    assertThat(ContentDigest.sha512(BODY)).isEqualTo(SHA_512);
  }

  @Test
  void checkWhenSha512MatchesThenMatch() {
    DigestCheck check = ContentDigest.check(SHA_512, BODY);

    assertThat(check.matches()).isTrue();
    assertThat(check.computed()).isEqualTo(SHA_512);
    assertThat(check.sha512()).isEqualTo(SHA_512);
  }

  @Test
  void checkWhenOnlySha256ThenAcceptedAndComputedWithSha256() {
    DigestCheck check = ContentDigest.check(SHA_256, BODY);

    assertThat(check.status()).isEqualTo(DigestCheck.Status.MATCH);
    assertThat(check.computed()).isEqualTo(SHA_256);
    assertThat(check.sha512()).isNull();
  }

  @Test
  void checkWhenBothAlgorithmsMatchThenMatch() {
    DigestCheck check = ContentDigest.check(SHA_256 + ", " + SHA_512, BODY);

    assertThat(check.matches()).isTrue();
    assertThat(check.sha512()).isEqualTo(SHA_512).isEqualTo(ContentDigest.sha512(BODY));
  }

  @Test
  void checkWhenOneOfTwoAlgorithmsWrongThenMismatchNamingIt() {
    String wrong256 = "sha-256=:" + "A".repeat(43) + "=:";

    DigestCheck check = ContentDigest.check(SHA_512 + ", " + wrong256, BODY);

    assertThat(check.status()).isEqualTo(DigestCheck.Status.MISMATCH);
    assertThat(check.description()).contains("Content-Digest sha-256 does not match");
    assertThat(check.computed()).isEqualTo(SHA_512 + ", " + SHA_256);
  }

  @Test
  void checkWhenBodyChangedThenMismatchWithComputedValue() {
    byte[] changed = "{\"hello\": \"World\"}".getBytes(StandardCharsets.UTF_8);

    DigestCheck check = ContentDigest.check(SHA_512, changed);

    assertThat(check.status()).isEqualTo(DigestCheck.Status.MISMATCH);
    assertThat(check.computed()).isEqualTo(ContentDigest.sha512(changed));
    assertThat(check.description()).contains(SHA_512).contains(ContentDigest.sha512(changed));
  }

  @Test
  void checkWhenUnknownAlgorithmBesideKnownOneThenIgnored() {
    assertThat(ContentDigest.check("md5=:AAAA:, " + SHA_512, BODY).matches()).isTrue();
  }

  @Test
  void checkWhenOnlyUnknownAlgorithmsThenNoSupportedAlgorithm() {
    DigestCheck check = ContentDigest.check("md5=:AAAA:, sha=:AAAA:", BODY);

    assertThat(check.status()).isEqualTo(DigestCheck.Status.NO_SUPPORTED_ALGORITHM);
    assertThat(check.description()).contains("[md5, sha]").contains("sha-256, sha-512");
  }

  @Test
  void checkWhenValueIsNotADictionaryThenSignatureFormatException() {
    assertThatThrownBy(() -> ContentDigest.check("SHA-512=abc", BODY))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("not an RFC 8941 dictionary");
  }

  @Test
  void checkWhenKnownMemberIsNotAByteSequenceThenSignatureFormatException() {
    assertThatThrownBy(() -> ContentDigest.check("sha-512=\"WZDPaVn\"", BODY))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("\"sha-512\" must be a byte sequence");
  }

  @Test
  void checkWhenEmptyThenSignatureFormatException() {
    assertThatThrownBy(() -> ContentDigest.check(" ", BODY))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessage("Content-Digest is empty");
  }
}
