package dev.opkit.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Sample(
      String name,
      @JsonProperty("created_at") Instant createdAt,
      Integer count,
      Boolean flag,
      Map<String, Object> extra) {}

  @Test
  void writeWhenPropertyNullThenOmittedButNullInsideMapKept() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("kept", null);
    String json = Json.write(new Sample("a", null, null, null, extra));
    assertThat(json).isEqualTo("{\"name\":\"a\",\"extra\":{\"kept\":null}}");
  }

  @Test
  void writeWhenInstantThenToIsoStringForm() {
    String json =
        Json.write(new Sample(null, Instant.parse("2025-01-01T00:00:00Z"), null, null, null));
    assertThat(json).isEqualTo("{\"created_at\":\"2025-01-01T00:00:00.000Z\"}");
  }

  @Test
  void writeWhenDoublesAndIntegerKeysThenJavaScriptForm() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("b", 1.0);
    data.put("a", List.of(1e21, 0.5, -0.0));
    data.put("10", "x/y");
    data.put("2", "é");
    assertThat(Json.write(data))
        .isEqualTo("{\"2\":\"é\",\"10\":\"x/y\",\"b\":1,\"a\":[1e+21,0.5,0]}");
  }

  @Test
  void writeWhenControlCharacterThenLowerCaseEscapeLikeJavaScript() {
    assertThat(Json.write(Map.of("c", "\u001f\n"))).isEqualTo("{\"c\":\"\\u001f\\n\"}");
  }

  @Test
  void readWhenUnknownFieldsThenIgnored() {
    Sample sample = Json.read("{\"name\":\"a\",\"surprise\":{\"deep\":[1]}}", Sample.class);
    assertThat(sample.name()).isEqualTo("a");
  }

  @Test
  void readWhenOffsetTimestampThenInstant() {
    Sample sample = Json.read("{\"created_at\":\"2025-01-01T02:00:00+02:00\"}", Sample.class);
    assertThat(sample.createdAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void readWhenTimestampInvalidThenPathAndExpectedFormInMessage() {
    assertThatThrownBy(() -> Json.read("{\"created_at\":\"yesterday\"}", Sample.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("created_at"))
        .hasMessageContaining("'yesterday' is not an RFC 3339 date-time");
  }

  @Test
  void readWhenTimestampIsNumberThenRejected() {
    assertThatThrownBy(() -> Json.read("{\"created_at\":1735689600}", Sample.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("not the JSON number 1735689600");
  }

  @Test
  void readWhenNumberForStringThenRejectedNotCoerced() {
    assertThatThrownBy(() -> Json.read("{\"name\":5}", Sample.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("name"));
  }

  @Test
  void readWhenStringForIntegerThenRejectedNotCoerced() {
    assertThatThrownBy(() -> Json.read("{\"count\":\"2\"}", Sample.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("count"));
  }

  @Test
  void readWhenFractionForIntegerThenRejectedNotTruncated() {
    assertThatThrownBy(() -> Json.read("{\"count\":2.5}", Sample.class))
        .isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void readWhenStringForBooleanThenRejected() {
    assertThatThrownBy(() -> Json.read("{\"flag\":\"true\"}", Sample.class))
        .isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void readWhenTrailingTokensThenRejected() {
    assertThatThrownBy(() -> Json.read("{\"name\":\"a\"} {}", Sample.class))
        .isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void readWhenNotJsonThenInvalidJsonWithEmptyPath() {
    assertThatThrownBy(() -> Json.read("{\"name\":", Sample.class))
        .isInstanceOfSatisfying(InvalidJsonException.class, e -> assertThat(e.path()).isEmpty());
  }
}
