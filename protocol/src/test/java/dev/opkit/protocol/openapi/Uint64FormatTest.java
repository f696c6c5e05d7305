package dev.opkit.protocol.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Uint64FormatTest {
  private final Uint64Format format = new Uint64Format();

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "1", "2500", "18446744073709551615", "007", "000000000000000000000000001"})
  void matchesWhenDecimalDigitsUpTo2To64Minus1ThenTrue(String value) {
    assertThat(format.matches(null, value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "18446744073709551616",
        "99999999999999999999999",
        "-1",
        "+1",
        "1.5",
        "1e3",
        "0x10",
        " 1",
        "1 ",
        "",
        "١٢"
      })
  void matchesWhenNotAnUnsignedDecimalOrTooLargeThenFalse(String value) {
    assertThat(format.matches(null, value)).isFalse();
  }
}
