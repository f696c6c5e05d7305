package dev.opkit.protocol.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountValueTest {

  @Test
  void parseWhenZeroAndMaximumThenAccepted() {
    assertThat(AmountValue.parse("0")).isZero();
    assertThat(AmountValue.parse("18446744073709551615")).isEqualTo(AmountValue.MAX);
    assertThat(AmountValue.MAX).isEqualTo(new BigInteger("18446744073709551615"));
  }

  @Test
  void parseWhenLeadingZerosThenAcceptedLikeBigInt() {
    assertThat(AmountValue.parse("0002500")).isEqualTo(2500);
    assertThat(AmountValue.parse("000000000000000000000000018446744073709551615"))
        .isEqualTo(AmountValue.MAX);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-5|minus sign",
        "5.00|decimal separator",
        "5,00|decimal separator",
        "+5|plus sign",
        "' 5'|whitespace",
        "'5 '|whitespace",
        "1e3|exponent",
        "0x10|the character 'x'",
        "five|the character 'f'",
        "٥|the character '٥'"
      })
  void parseWhenNotDigitsThenInvalidAmountNamingTheCharacter(String text, String named) {
    assertThatThrownBy(() -> AmountValue.parse(text))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining(named)
        .hasMessageContaining("smallest unit");
  }

  @Test
  void parseWhenEmptyThenInvalidAmount() {
    assertThatThrownBy(() -> AmountValue.parse(""))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void parseWhenAboveMaximumThenOverflow() {
    assertThatThrownBy(() -> AmountValue.parse("18446744073709551616"))
        .isInstanceOf(AmountOverflowException.class)
        .hasMessageContaining("2^64-1");
    assertThatThrownBy(() -> AmountValue.parse("9".repeat(10_000)))
        .isInstanceOf(AmountOverflowException.class);
  }

  @Test
  void requireInRangeWhenNegativeThenInvalidAmountNamingTheValue() {
    assertThatThrownBy(() -> AmountValue.requireInRange(BigInteger.valueOf(-1), "debit"))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessage("debit is -1; amounts are unsigned and cannot be negative");
  }

  @Test
  void formatWhenValueThenDigits() {
    assertThat(AmountValue.format(BigInteger.valueOf(2500))).isEqualTo("2500");
  }
}
