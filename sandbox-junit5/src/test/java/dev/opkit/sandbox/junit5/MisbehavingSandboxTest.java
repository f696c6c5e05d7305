package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.SandboxAdmin;
import org.junit.jupiter.api.Test;

/** A scenario of misbehaviours named in the annotation. */
@OpenPaymentsSandboxTest(scenario = "month-3")
class MisbehavingSandboxTest {
  @Test
  void theScenarioNamedInTheAnnotationIsSwitchedOnInTheTestsSession(SandboxAdmin admin) {
    assertThat(admin.misbehaviours())
        .extracting(Misbehaviour::kind)
        .containsExactly(
            "token-expired-after-payment", "response-lost", "limit-reduced-after-payment");
  }
}
