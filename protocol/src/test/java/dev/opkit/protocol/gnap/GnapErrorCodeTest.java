package dev.opkit.protocol.gnap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.json.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GnapErrorCodeTest {

  @Test
  void codeWhenAllConstantsThenTheNineCodesOfProtocolSection45() {
    assertThat(Arrays.stream(GnapErrorCode.values()).map(GnapErrorCode::code))
        .containsExactly(
            "invalid_request",
            "invalid_client",
            "invalid_interaction",
            "invalid_rotation",
            "invalid_continuation",
            "user_denied",
            "request_denied",
            "unknown_interaction",
            "too_fast");
  }

  @Test
  void jsonWhenWrittenThenLowerCaseCode() {
    assertThat(Json.write(GnapErrorCode.TOO_FAST)).isEqualTo("\"too_fast\"");
    assertThat(Json.read("\"invalid_client\"", GnapErrorCode.class))
        .isEqualTo(GnapErrorCode.INVALID_CLIENT);
  }

  @Test
  void fromCodeWhenUnknownOrStatusCodeThenEmpty() {
    assertThat(GnapErrorCode.fromCode("user_denied")).contains(GnapErrorCode.USER_DENIED);
    assertThat(GnapErrorCode.fromCode("401")).isEmpty();
    assertThat(GnapErrorCode.fromCode("invalid_flag")).isEmpty();
  }
}
