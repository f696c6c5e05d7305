package dev.opkit.mock.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  private static final String CURSOR = "315581f8-9967-45a0-9cd3-87b60b6d6414";

  @Test
  void parseWhenNothingGivenThenTwentyNewest() {
    assertThat(PageRequest.parse(null, null, null)).isEqualTo(new PageRequest(20, false, null));
  }

  @Test
  void parseWhenLastWithCursorThenBackward() {
    assertThat(PageRequest.parse(null, "5", CURSOR))
        .isEqualTo(new PageRequest(5, true, UUID.fromString(CURSOR)));
  }

  @Test
  void parseWhenFirstAndLastThenBadRequest() {
    assertThatThrownBy(() -> PageRequest.parse("1", "1", CURSOR))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("either 'first' or 'last'");
  }

  @Test
  void parseWhenLastWithoutCursorThenBadRequest() {
    assertThatThrownBy(() -> PageRequest.parse(null, "3", null))
        .hasMessageContaining("add 'cursor'");
  }

  @Test
  void parseWhenSizeOutOfRangeThenBadRequest() {
    assertThatThrownBy(() -> PageRequest.parse("101", null, null)).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> PageRequest.parse("0", null, null)).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> PageRequest.parse("ten", null, null))
        .hasMessageContaining("whole number");
  }

  @Test
  void parseWhenCursorNotUuidThenBadRequest() {
    assertThatThrownBy(() -> PageRequest.parse(null, null, "https://x/incoming-payments/1"))
        .hasMessageContaining("UUID");
  }
}
