package dev.opkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.conformance.grading.Finding;
import dev.opkit.conformance.grading.KnownDivergence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryReportTest {
  private static ScenarioOutcome outcome(String feature, int line, Grade grade) {
    return new ScenarioOutcome(feature, line, "scenario " + line, grade, null, List.of(), null);
  }

  private static final ScenarioOutcome DIVERGENT =
      new ScenarioOutcome(
          "grants/outgoing-payment-grant.feature",
          18,
          "The user accepts the grant",
          Grade.DIVERGENT,
          null,
          List.of(Finding.divergence(KnownDivergence.FINISH_HASH_STANDARD_BASE64, "hash=P2nn…=")),
          null);

  private static final ScenarioOutcome FAILED =
      new ScenarioOutcome(
          "tokens/rotate-access-token.feature",
          12,
          "A rotated token replaces the old one",
          Grade.FAILED,
          "MUST: rotation issues a new token\n  observed: the same value",
          List.of(),
          "#1 post-token: POST https://auth.example/token/1\n→ 200 after 3 ms");

  private static final ScenarioOutcome SKIPPED =
      new ScenarioOutcome(
          "tokens/token-expiry.feature",
          7,
          "An expired token is refused",
          Grade.SKIPPED,
          "needs sandbox powers",
          List.of(),
          null);

  private static String render(ScenarioOutcome... outcomes) {
    return new SummaryReport("sandbox in-process", Duration.ofMillis(8400), List.of(outcomes))
        .render();
  }

  @Test
  void renderWhenOutcomesThenOneRowPerFeatureAndTotals() {
    String text =
        render(
            outcome("b/second.feature", 3, Grade.PASSED),
            outcome("a/first.feature", 9, Grade.PASSED),
            outcome("a/first.feature", 4, Grade.PASSED),
            DIVERGENT,
            FAILED,
            SKIPPED);

    assertThat(text)
        .contains("target: sandbox in-process")
        .contains("6 scenarios in 8.4 s: 3 passed, 1 failed, 1 divergent, 1 skipped")
        .containsPattern("a/first\\.feature\\s+2\\s+0\\s+0\\s+0")
        .containsPattern("tokens/rotate-access-token\\.feature\\s+0\\s+1\\s+0\\s+0")
        .containsPattern("total\\s+3\\s+1\\s+1\\s+1");
    assertThat(text.indexOf("a/first.feature")).isLessThan(text.indexOf("b/second.feature"));
  }

  @Test
  void renderWhenDivergentThenFindingListedUnderItsScenario() {
    assertThat(render(DIVERGENT))
        .contains("Divergent (")
        .contains("grants/outgoing-payment-grant.feature:18  The user accepts the grant")
        .contains("- finish hash in standard base64 with padding")
        .contains("observed: hash=P2nn…=")
        .contains("specification: RFC 9635 §4.2.3")
        .contains("as done by: Rafiki")
        .contains("Verdict: no MUST of the specification was broken.");
  }

  @Test
  void renderWhenFailedThenRuleAndExchangesShownAndVerdictSaysSo() {
    assertThat(render(FAILED))
        .contains("Failed:")
        .contains("rule broken:\n      MUST: rotation issues a new token")
        .contains("last requests and responses:\n      #1 post-token: POST")
        .contains("Verdict: 1 scenario(s) broke a MUST");
  }

  @Test
  void renderWhenSkippedThenReasonShown() {
    assertThat(render(SKIPPED))
        .contains("Skipped:\n  tokens/token-expiry.feature:7  An expired token is refused")
        .contains("    needs sandbox powers");
  }

  @Test
  void countWhenGradesThenCountsEach() {
    SummaryReport report =
        new SummaryReport("t", Duration.ZERO, List.of(FAILED, SKIPPED, SKIPPED, DIVERGENT));

    assertThat(report.count(Grade.SKIPPED)).isEqualTo(2);
    assertThat(report.count(Grade.PASSED)).isZero();
  }
}
