package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource-server spec's error examples and the authorization server's GNAP errors. */
class ErrorResponseTest {

  @Test
  void roundTripWhenMinimalExampleThenSameJson() {
    ErrorResponse error =
        RoundTrip.assertRoundTrip(
            "{\"error\":{\"code\":\"invalid_request\",\"description\":\"Error description\"}}",
            ErrorResponse.class);
    assertThat(error.error().gnapCode()).contains(GnapErrorCode.INVALID_REQUEST);
    assertThat(error.error().details()).isNull();
  }

  @Test
  void roundTripWhenFullExampleThenDetailsKept() {
    ErrorResponse error =
        RoundTrip.assertRoundTrip(
            """
            {"error": {"code": "invalid_request", "description": "Error description",
                       "details": {"anyKey": "anyValue"}}}
            """,
            ErrorResponse.class);
    assertThat(error.error().details()).isEqualTo(Map.of("anyKey", "anyValue"));
  }

  @Test
  void readWhenRafikiStatusCodeThenNoGnapCode() {
    ErrorResponse error =
        Json.read(
            "{\"error\":{\"code\":\"403\",\"description\":\"unauthorized\"}}", ErrorResponse.class);
    assertThat(error.error().code()).isEqualTo("403");
    assertThat(error.error().gnapCode()).isEmpty();
  }

  @Test
  void readWhenRafikiSchemaFailureWithoutCodeThenAccepted() {
    ErrorResponse error =
        Json.read(
            "{\"error\":{\"description\":\"body/client must be string\"}}", ErrorResponse.class);
    assertThat(error.error().code()).isNull();
    assertThat(error.error().gnapCode()).isEmpty();
  }

  @Test
  void writeWhenGnapCodeThenLowerCaseCodeAndNoDetails() {
    assertThat(Json.write(ErrorResponse.of(GnapErrorCode.TOO_FAST, "wait 5 s")))
        .isEqualTo("{\"error\":{\"code\":\"too_fast\",\"description\":\"wait 5 s\"}}");
  }

  @Test
  void writeWhenDetailsThenIncluded() {
    assertThat(Json.write(ErrorResponse.of("400", "invalid amount", Map.of("field", "value"))))
        .isEqualTo(
            "{\"error\":{\"code\":\"400\",\"description\":\"invalid amount\","
                + "\"details\":{\"field\":\"value\"}}}");
  }
}
