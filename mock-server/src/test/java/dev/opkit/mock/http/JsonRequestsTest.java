package dev.opkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRequestsTest {
  @Test
  void acceptsJsonWhenRangesAdmitItThenTrue() {
    assertThat(JsonRequests.acceptsJson("application/json")).isTrue();
    assertThat(JsonRequests.acceptsJson("*/*")).isTrue();
    assertThat(JsonRequests.acceptsJson("application/*;q=0.5")).isTrue();
    assertThat(JsonRequests.acceptsJson("text/html, Application/JSON; charset=utf-8")).isTrue();
  }

  @Test
  void acceptsJsonWhenExcludedThenFalse() {
    assertThat(JsonRequests.acceptsJson("text/html")).isFalse();
    assertThat(JsonRequests.acceptsJson("application/json;q=0")).isFalse();
    assertThat(JsonRequests.acceptsJson("application/jsonx")).isFalse();
  }

  @Test
  void parseWhenMalformedThenPositionInTheMessage() {
    assertThatThrownBy(
            () -> JsonRequests.parse("{\n  \"a\": tru\n}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void parseWhenNestedDeeperThanTheParserAllowsThen400WithoutPosition() {
    byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> JsonRequests.parse(deep))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("depth");
  }
}
