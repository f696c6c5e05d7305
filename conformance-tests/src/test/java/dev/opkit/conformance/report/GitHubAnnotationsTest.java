package dev.opkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubAnnotationsTest {
  @Test
  void linesWhenDivergentAndFailedThenAWarningAndAnErrorOnTheirFeatureLines() {
    List<String> lines = GitHubAnnotations.lines(TestOutcomes.everyGrade());

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "::warning file=features/grants/outgoing-payment-grant.feature,line=19,"
                + "title=Divergent%3A finish hash in standard base64 with padding::")
        .contains("The user accepts the grant%0Aspecification: RFC 9635 §4.2.3")
        .contains("%0Aobserved: hash=P2nn+/=")
        .doesNotContain("\n");
    assertThat(lines.get(1))
        .startsWith(
            "::error file=features/grants/request-grant.feature,line=24,"
                + "title=MUST broken%3A A grant for an unknown kind of access is refused::")
        .contains("MUST: an invalid grant request")
        .doesNotContain("\n");
  }

  @Test
  void enabledOnlyInGitHubActions() {
    assertThat(GitHubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
    assertThat(GitHubAnnotations.enabled(Map.of())).isFalse();
  }
}
