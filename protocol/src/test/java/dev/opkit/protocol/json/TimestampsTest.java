package dev.opkit.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.ProtocolException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @Test
  void formatWhenWholeSecondThenThreeZeroFractionDigitsLikeToIsoString() {
    assertThat(Timestamps.format(Instant.parse("2025-01-01T00:00:00Z")))
        .isEqualTo("2025-01-01T00:00:00.000Z");
  }

  @Test
  void formatWhenAnyInstantOfFourDigitYearsThenTheSameTextAsTheIsoFormatterTruncatedToMillis() {
    java.util.Random random = new java.util.Random(14);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              first + Math.floorMod(random.nextLong(), last - first + 1),
              random.nextInt(1_000_000_000));
      String iso =
          java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
              .withZone(java.time.ZoneOffset.UTC)
              .format(instant);

      assertThat(Timestamps.format(instant)).as("%s", instant).isEqualTo(iso);
    }
  }

  @Test
  void formatWhenNanosThenTruncatedToMillis() {
    assertThat(Timestamps.format(Instant.parse("2022-03-12T23:20:50.123999999Z")))
        .isEqualTo("2022-03-12T23:20:50.123Z");
  }

  @Test
  void formatWhenYearOutsideFourDigitsThenSixDigitSignedYearLikeJavaScript() {
    assertThat(Timestamps.format(Instant.parse("+10000-01-01T00:00:00Z")))
        .isEqualTo("+010000-01-01T00:00:00.000Z");
    assertThat(Timestamps.format(Instant.parse("-0001-01-01T00:00:00Z")))
        .isEqualTo("-000001-01-01T00:00:00.000Z");
  }

  @ParameterizedTest
  @CsvSource({
    "2022-02-03T23:20:50.52Z, 2022-02-03T23:20:50.520Z",
    "2025-01-01T00:00:00Z, 2025-01-01T00:00:00Z",
    "2025-01-01T01:30:00+01:30, 2025-01-01T00:00:00Z",
    "2024-12-31T19:00:00-05:00, 2025-01-01T00:00:00Z",
    "2025-01-01t00:00:00.123456789z, 2025-01-01T00:00:00.123456789Z",
    "2025-01-01T00:00:00.1Z, 2025-01-01T00:00:00.100Z",
    "2024-02-29T12:00:00.000Z, 2024-02-29T12:00:00Z"
  })
  void parseWhenAnyRfc3339FormThenSameInstant(String text, String expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-01",
        "2025-01-01T00:00Z",
        "2025-01-01T00:00:00",
        "2025-02-30T00:00:00Z",
        "2025-01-01T24:00:00Z",
        "25-01-01T00:00:00Z",
        "1735689600",
        "2025-01-01T00:00:00.Z",
        "2025-01-01T00:00:00.0000000001Z"
      })
  void parseWhenNotRfc3339ThenProtocolExceptionShowingTheExpectedForm(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(text)
        .hasMessageContaining("2025-01-01T00:00:00.000Z");
  }
}
