package dev.opkit.mock.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.gnap.GnapErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviourProfileTest {

  @Test
  void presetsWhenRafikiOrStrictThenTheirContinuationAndSignatureChoices() {
    assertThat(BehaviourProfile.RAFIKI.missingInteractRefCode())
        .isEqualTo(GnapErrorCode.INVALID_REQUEST);
    assertThat(BehaviourProfile.RAFIKI.missingSignatureStatus()).isEqualTo(400);
    assertThat(BehaviourProfile.STRICT.missingInteractRefCode())
        .isEqualTo(GnapErrorCode.REQUEST_DENIED);
    assertThat(BehaviourProfile.STRICT.missingSignatureStatus()).isEqualTo(401);
    assertThat(BehaviourProfile.RAFIKI.rafikiSchemaErrors()).isFalse();
    assertThat(BehaviourProfile.STRICT.rafikiSchemaErrors()).isFalse();
  }

  @Test
  void withOverridesWhenNewSwitchesSetThenApplied() {
    BehaviourProfile mixed =
        BehaviourProfile.STRICT.withOverrides(
            Map.of(
                "missingInteractRefCode",
                "invalid_request",
                "missingSignatureStatus",
                400,
                "rafikiSchemaErrors",
                true));

    assertThat(mixed.missingInteractRefCode()).isEqualTo(GnapErrorCode.INVALID_REQUEST);
    assertThat(mixed.missingSignatureStatus()).isEqualTo(400);
    assertThat(mixed.rafikiSchemaErrors()).isTrue();
    assertThat(BehaviourProfile.switchNames())
        .contains("missingInteractRefCode", "missingSignatureStatus", "rafikiSchemaErrors");
  }

  @Test
  void withOverridesWhenValueOutsideTheChoicesThenRefusedNamingThem() {
    assertThatThrownBy(
            () -> BehaviourProfile.RAFIKI.withOverrides(Map.of("missingSignatureStatus", 403)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missingSignatureStatus must be 400 or 401, got 403");
    assertThatThrownBy(
            () ->
                BehaviourProfile.RAFIKI.withOverrides(Map.of("missingInteractRefCode", "too_fast")))
        .hasMessageContaining("missingInteractRefCode must be invalid_request or request_denied");
  }
}
