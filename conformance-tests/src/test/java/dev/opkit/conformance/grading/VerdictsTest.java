package dev.opkit.conformance.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  private final List<String> recorded = new ArrayList<>();

  private Verdicts verdicts(String... tags) {
    return new Verdicts(Set.of(tags), (title, details) -> recorded.add(title + " | " + details));
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
}
