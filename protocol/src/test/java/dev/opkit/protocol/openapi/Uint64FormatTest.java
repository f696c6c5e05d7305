package dev.opkit.protocol.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

  @Test
  void matchesWhenRandomDigitStringsThenAsTheirValueAgainst2To64Minus1() {
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    assertThat(Uint64Format.MAX).isEqualTo(max.toString());
    Random random = new Random(64);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      int zeros = random.nextInt(4) == 0 ? random.nextInt(5) : 0;
      value.append("0".repeat(zeros));
      int length = 1 + random.nextInt(22);
      for (int d = 0; d < length; d++) {
        value.append(random.nextInt(10) < 3 ? '9' : (char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(50) == 0) {
        value.insert(random.nextInt(value.length() + 1), "x");
      }
      String text = value.toString();
      boolean expected =
          text.chars().allMatch(c -> c >= '0' && c <= '9')
              && new BigInteger(text).compareTo(max) <= 0;
      assertThat(format.matches(null, text)).as(text).isEqualTo(expected);
    }
  }
}
