package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoveredComponentsTest {
  private static final String URL = "https://wallet.example/incoming-payments";

  private static HttpMessage message(Map<String, String> headers, String body) {
    return HttpMessage.of("POST", URL, headers, body);
  }

  @Test
  void forSigningWhenNoAuthorizationAndNoBodyThenMethodAndTargetOnly() {
    assertThat(CoveredComponents.forSigning(message(Map.of(), null)))
        .containsExactly("@method", "@target-uri");
  }

  @Test
  void forSigningWhenAuthorizationThenCoveredThird() {
    assertThat(CoveredComponents.forSigning(message(Map.of("Authorization", "GNAP T"), null)))
        .containsExactly("@method", "@target-uri", "authorization");
  }

  @Test
  void forSigningWhenBodyThenContentHeadersLast() {
    assertThat(CoveredComponents.forSigning(message(Map.of("authorization", "GNAP T"), "{}")))
        .containsExactly(
            "@method",
            "@target-uri",
            "authorization",
            "content-digest",
            "content-length",
            "content-type");
  }

  @Test
  void forSigningWhenBodyEmptyThenTreatedAsNoBody() {
    assertThat(CoveredComponents.forSigning(message(Map.of(), "")))
        .containsExactly("@method", "@target-uri");
  }

  @Test
  void checkReceivedWhenSdkCoverageThenNoViolation() {
    HttpMessage message =
        message(
            Map.of(
                "Authorization", "GNAP T",
                "Content-Digest", "sha-512=:AA==:",
                "Content-Length", "2",
                "Content-Type", "application/json"),
            "{}");

    assertThat(CoveredComponents.checkReceived(CoveredComponents.forSigning(message), message))
        .isEmpty();
  }

  @Test
  void checkReceivedWhenTargetUriMissingThenComponentNotCovered() {
    assertThat(CoveredComponents.checkReceived(List.of("@method"), message(Map.of(), null)))
        .contains(
            new CoveredComponents.Violation(
                SignatureFailure.COMPONENT_NOT_COVERED,
                "component \"@target-uri\" not covered; Open Payments signatures must always"
                    + " cover it"));
  }

  @Test
  void checkReceivedWhenAuthorizationPresentButUncoveredThenComponentNotCovered() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri"),
                message(Map.of("Authorization", "GNAP T"), null)))
        .hasValueSatisfying(
            v -> {
              assertThat(v.reason()).isEqualTo(SignatureFailure.COMPONENT_NOT_COVERED);
              assertThat(v.description()).startsWith("component \"authorization\" not covered");
            });
  }

  @Test
  void checkReceivedWhenBodyButNoContentDigestThenComponentNotCovered() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri"), message(Map.of("Content-Type", "a/b"), "{}")))
        .hasValueSatisfying(
            v ->
                assertThat(v.description()).startsWith("component \"content-digest\" not covered"));
  }

  @Test
  void checkReceivedWhenUpperCaseComponentThenUnsupportedComponent() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri", "Authorization"),
                message(Map.of("Authorization", "GNAP T"), null)))
        .hasValueSatisfying(
            v -> {
              assertThat(v.reason()).isEqualTo(SignatureFailure.UNSUPPORTED_COMPONENT);
              assertThat(v.description()).contains("\"Authorization\" must be lower-case");
            });
  }

  @Test
  void checkReceivedWhenUnknownDerivedComponentThenUnsupportedComponent() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri", "@status"), message(Map.of(), null)))
        .hasValueSatisfying(
            v -> assertThat(v.reason()).isEqualTo(SignatureFailure.UNSUPPORTED_COMPONENT));
  }

  @Test
  void checkReceivedWhenCoveredHeaderAbsentThenCoveredHeaderMissing() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri", "date"), message(Map.of(), null)))
        .contains(
            new CoveredComponents.Violation(
                SignatureFailure.COVERED_HEADER_MISSING,
                "component \"date\" is covered but the header is missing"));
  }

  @Test
  void checkReceivedWhenContentDigestCoveredButAbsentThenDigestMissing() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri", "content-digest"),
                message(Map.of("Content-Type", "application/json"), "{}")))
        .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo(SignatureFailure.DIGEST_MISSING));
  }

  @Test
  void checkReceivedWhenContentDigestCoveredWithoutContentTypeHeaderThenBodyHeaderMissing() {
    assertThat(
            CoveredComponents.checkReceived(
                List.of("@method", "@target-uri", "content-digest"),
                message(Map.of("Content-Digest", "sha-512=:AA==:", "Content-Length", "2"), "{}")))
        .hasValueSatisfying(
            v -> {
              assertThat(v.reason()).isEqualTo(SignatureFailure.BODY_HEADER_MISSING);
              assertThat(v.description()).contains("content-type header is missing");
            });
  }
}
