package dev.opkit.conformance.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  private final List<String> recorded = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  private Verdicts verdicts(String... tags) {
    return new Verdicts(
        Set.of(tags),
        finding -> {
          findings.add(finding);
          recorded.add(finding.title() + " | " + finding.details().replace('\n', ' '));
        });
  }

  @Test
  void mustWhenBrokenThenFailureNamesRuleAndObservation() {
    assertThatThrownBy(() -> verdicts().must(false, "tokens rotate", () -> "answered 500"))
        .isInstanceOf(ConformanceFailure.class)
        .hasMessage("MUST: tokens rotate\n  observed: answered 500");
    assertThat(recorded).isEmpty();
  }

  @Test
  void mustWhenHoldsThenNothingRecorded() {
    verdicts().must(true, "tokens rotate", () -> "never asked");

    assertThat(recorded).isEmpty();
  }

  @Test
  void shouldWhenBrokenThenRecordedNotThrown() {
    verdicts().should(false, "quotes say when they expire", () -> "no expiresAt");

    assertThat(recorded)
        .containsExactly("SHOULD not met: quotes say when they expire | observed: no expiresAt");
  }

  @Test
  void expectWhenScenarioTaggedShouldThenRecordedAsShould() {
    verdicts(Verdicts.SHOULD_TAG).expect(false, "old signatures are refused", () -> "accepted");

    assertThat(recorded).singleElement().asString().startsWith("SHOULD not met: old signatures");
  }

  @Test
  void expectWhenScenarioUntaggedThenFailure() {
    assertThatThrownBy(() -> verdicts("@sandbox").expect(false, "refused", () -> "accepted"))
        .isInstanceOf(ConformanceFailure.class);
  }

  @Test
  void statusWhenKnownImplementationsStatusThenDivergenceNamed() {
    verdicts().status("revoked tokens: 401", 401, 403, KnownDivergence.INACTIVE_TOKEN_403, 403);

    assertThat(recorded)
        .singleElement()
        .asString()
        .startsWith(KnownDivergence.INACTIVE_TOKEN_403.title() + " | specification: ")
        .contains("as done by: Rafiki", "observed: answered 403");
    assertThat(findings.get(0).kind()).isEqualTo(Finding.Kind.DIVERGENCE);
    assertThat(findings.get(0).divergent()).isTrue();
  }

  @Test
  void statusWhenExpectedThenPasses() {
    verdicts().status("revoked tokens: 401", 401, 401, KnownDivergence.INACTIVE_TOKEN_403, 403);

    assertThat(recorded).isEmpty();
  }

  @Test
  void statusWhenNeitherThenFailure() {
    assertThatThrownBy(
            () ->
                verdicts()
                    .status(
                        "revoked tokens: 401", 401, 200, KnownDivergence.INACTIVE_TOKEN_403, 403))
        .isInstanceOf(ConformanceFailure.class)
        .hasMessageContaining("answered 200");
  }

  @Test
  void statusAmongWhenEitherAllowedStatusThenPassesAndNotesWhichWasSeen() {
    verdicts().statusAmong("unsigned token requests are refused", Set.of(400, 401), 400);
    verdicts().statusAmong("unsigned token requests are refused", Set.of(400, 401), 401);

    assertThat(findings)
        .extracting(Finding::kind, Finding::title)
        .containsExactly(
            tuple(Finding.Kind.NOTE, "status answered"),
            tuple(Finding.Kind.NOTE, "status answered"));
    assertThat(findings.get(0).observed()).isEqualTo("400 (the rule allows 400 or 401)");
    assertThat(findings).noneMatch(Finding::divergent);
  }

  @Test
  void statusAmongWhenOtherStatusThenFailureNamesTheAllowedOnes() {
    assertThatThrownBy(
            () ->
                verdicts()
                    .statusAmong("unsigned token requests are refused", Set.of(400, 401), 403))
        .isInstanceOf(ConformanceFailure.class)
        .hasMessage(
            "MUST: unsigned token requests are refused\n"
                + "  observed: answered 403 where 400 or 401 is required");
    assertThat(findings).isEmpty();
  }
}
