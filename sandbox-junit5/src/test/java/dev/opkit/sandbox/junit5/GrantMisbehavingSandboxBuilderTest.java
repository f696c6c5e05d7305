package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.SandboxAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Grant and token misbehaviours given to the extension's builder reach the test's session. */
class GrantMisbehavingSandboxBuilderTest {
  @RegisterExtension
  static final OpenPaymentsSandboxExtension SANDBOX =
      OpenPaymentsSandboxExtension.newInstance()
          .misbehaviour(Misbehaviour.reducedLimit(40))
          .misbehaviour(Misbehaviour.continuationTokenRotated().times(3))
          .misbehaviour(Misbehaviour.rotationRefused())
          .build();

  @Test
  void theBuildersGrantMisbehavioursAreTheSessionsWithTheirParameters(SandboxAdmin admin) {
    var listed = admin.misbehaviours();
    assertThat(listed)
        .extracting(Misbehaviour::kind)
        .containsExactly("reduced-limit", "continuation-token-rotated", "rotation-refused");
    assertThat(listed.get(0).percent()).isEqualTo(40);
    assertThat(listed.get(1).times()).isEqualTo(3);
    assertThat(listed).allSatisfy(m -> assertThat(m.fired()).isZero());
  }
}
