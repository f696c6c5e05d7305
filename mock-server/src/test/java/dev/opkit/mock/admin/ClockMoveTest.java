package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockMoveTest {
  private final Instant clock = Instant.parse("2025-01-31T10:00:00Z");

  @Test
  void advanceWhenCalendarAndTimePartsThenCalendarFirst() {
    assertThat(ClockMove.advance(clock, "P1MT2H")).isEqualTo("2025-02-28T12:00:00Z");
  }

  @Test
  void advanceWhenTimeOnlyOrLowerCaseThenParsed() {
    assertThat(ClockMove.advance(clock, "pt30m")).isEqualTo("2025-01-31T10:30:00Z");
  }

  @Test
  void advanceWhenNegativeThenBackwards() {
    assertThat(ClockMove.advance(clock, "-P1D")).isEqualTo("2025-01-30T10:00:00Z");
  }

  @Test
  void advanceWhenNotADurationThen400() {
    for (String bad : new String[] {"P", "PT", "1M", "P1H", "month"}) {
      assertThatThrownBy(() -> ClockMove.advance(clock, bad))
          .as(bad)
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("ISO 8601");
    }
  }

  @Test
  void advanceWhenPastTheRangeOfDatesThen400() {
    assertThatThrownBy(() -> ClockMove.advance(clock, "P1000000000Y"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("range of dates");
    assertThatThrownBy(() -> ClockMove.advance(clock, "P1DT9223372036854775807S"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void setWhenInstantThenThere() {
    assertThat(ClockMove.set("2030-01-01T00:00:00Z")).isEqualTo("2030-01-01T00:00:00Z");
    assertThatThrownBy(() -> ClockMove.set("2030-01-01")).hasMessageContaining("RFC 3339");
  }
}
