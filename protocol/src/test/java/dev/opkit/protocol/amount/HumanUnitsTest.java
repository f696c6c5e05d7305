package dev.opkit.protocol.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanUnitsTest {

  @ParameterizedTest(name = "{0} at scale {1} = {2}")
  @CsvSource({
    "5, 2, 500",
    "5.00, 2, 500",
    "5.5, 2, 550",
    "0.01, 2, 1",
    "0, 2, 0",
    "007, 0, 7",
    "1.000000001, 9, 1000000001",
    "184467440737095516.15, 2, 18446744073709551615"
  })
  void toBaseUnitsWhenValidThenExactSmallestUnits(String text, int scale, String expected) {
    assertThat(HumanUnits.toBaseUnits(text, scale)).isEqualTo(new BigInteger(expected));
  }

  @Test
  void toBaseUnitsWhenMoreDecimalsThanScaleThenRejectedNamingBoth() {
    assertThatThrownBy(() -> HumanUnits.toBaseUnits("5.001", 2))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("has 3 decimals but the asset has 2")
        .hasMessageContaining("\"5.00\"");
    assertThatThrownBy(() -> HumanUnits.toBaseUnits("5.0", 0))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("\"5\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-5", "+5", "5.", ".5", "1e2", " 5", "5,00", "5.0.0", "abc"})
  void toBaseUnitsWhenNotAPlainDecimalThenRejected(String text) {
    assertThatThrownBy(() -> HumanUnits.toBaseUnits(text, 2))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("is not an amount");
  }

  @Test
  void toBaseUnitsWhenAboveMaximumThenOverflow() {
    assertThatThrownBy(() -> HumanUnits.toBaseUnits("184467440737095516.16", 2))
        .isInstanceOf(AmountOverflowException.class);
  }

  @Test
  void toBaseUnitsWhenScaleInvalidThenRejected() {
    assertThatThrownBy(() -> HumanUnits.toBaseUnits("5", 256))
        .isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void formatWhenAmountThenDecimalsAndCode() {
    assertThat(HumanUnits.format(Amount.of("500", "USD", 2))).isEqualTo("5.00 USD");
    assertThat(HumanUnits.format(Amount.of("1", "XRP", 9))).isEqualTo("0.000000001 XRP");
    assertThat(HumanUnits.format(Amount.of("1512", "JPY", 0))).isEqualTo("1512 JPY");
  }

  @Test
  void parseWhenAssetThenAmountInThatAsset() {
    Asset usd = new Asset("USD", 2);
    assertThat(HumanUnits.parse("25", usd)).isEqualTo(Amount.of(2500, usd));
    assertThat(HumanUnits.format(HumanUnits.parse("12.34", usd))).isEqualTo("12.34 USD");
  }
}
