package dev.opkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Status;
import org.junit.jupiter.api.Test;

class ScenarioGraderTest {
  @Test
  void gradeWhenPassedWithFindingsThenDivergent() {
    assertThat(ScenarioGrader.grade(Status.PASSED, true)).isEqualTo(Grade.DIVERGENT);
    assertThat(ScenarioGrader.grade(Status.PASSED, false)).isEqualTo(Grade.PASSED);
  }

  @Test
  void gradeWhenSkippedThenSkippedEvenWithFindings() {
    assertThat(ScenarioGrader.grade(Status.SKIPPED, true)).isEqualTo(Grade.SKIPPED);
  }

  @Test
  void gradeWhenStepUndefinedPendingOrAmbiguousThenFailed() {
    for (Status status :
        new Status[] {Status.FAILED, Status.UNDEFINED, Status.PENDING, Status.AMBIGUOUS}) {
      assertThat(ScenarioGrader.grade(status, false)).as(status.name()).isEqualTo(Grade.FAILED);
    }
  }
}
