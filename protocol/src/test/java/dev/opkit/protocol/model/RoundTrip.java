package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Assertions that a spec example reads into a record and writes back as the same JSON. */
final class RoundTrip {
  private static final Pattern SHORT_FRACTION =
      Pattern.compile("(\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d{1,2}))?Z\"");

  private RoundTrip() {}

  /**
   * Reads {@code example}, writes the record back and expects the same JSON tree, except that
   * timestamps come back with exactly three fractional digits as toISOString() writes them.
   */
  static <T> T assertRoundTrip(String example, Class<T> type) {
    T value = Json.read(example, type);
    assertSameJson(Json.write(value), withMillis(example));
    assertThat(Json.read(Json.write(value), type)).isEqualTo(value);
    return value;
  }

  /** As {@link #assertRoundTrip(String, Class)} for a generic type. */
  static <T> T assertRoundTrip(String example, TypeReference<T> type) {
    T value = Json.read(example, type);
    assertSameJson(Json.write(value), withMillis(example));
    assertThat((Object) Json.read(Json.write(value), type)).isEqualTo(value);
    return value;
  }

  static void assertSameJson(String actual, String expected) {
    JsonNode actualTree = Json.read(actual, JsonNode.class);
    JsonNode expectedTree = Json.read(expected, JsonNode.class);
    assertThat(actualTree).as(actual).isEqualTo(expectedTree);
  }

  /** "2022-03-12T23:20:50.52Z" as toISOString() writes it: "2022-03-12T23:20:50.520Z". */
  static String withMillis(String json) {
    Matcher m = SHORT_FRACTION.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String fraction = m.group(2) == null ? "" : m.group(2);
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(m.group(1) + "." + (fraction + "000").substring(0, 3) + "Z\""));
    }
    m.appendTail(out);
    return out.toString();
  }
}
