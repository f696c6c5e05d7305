package dev.opkit.protocol.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.opkit.protocol.SpreadNumbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ExchangeRateTest {
  private static final Asset USD = new Asset("USD", 2);
  private static final Asset EUR = new Asset("EUR", 2);
  private static final Asset USD9 = new Asset("USD", 9);
  private static final Asset JPY = new Asset("JPY", 0);
  private static final ExchangeRate USD_EUR = new ExchangeRate(USD, EUR, new BigDecimal("0.92"));
  private static final int EXAMPLES = 500;
  private static final long LARGEST_VALUE = 1_000_000_000_000L;
  private static final int LARGEST_SCALE = 12;
  private static final int RATE_SCALE = 6;
  private static final long LARGEST_RATE_UNITS = 1_000_000_000L;

  @Test
  void convertWhenExactThenNoRounding() {
    assertThat(USD_EUR.convert(Amount.of(2500, USD), Rounding.DOWN))
        .isEqualTo(Amount.of(2300, EUR));
  }

  @Test
  void convertWhenFractionalResultThenRoundedByTheStatedRule() {
    // 0.01 USD * 0.92 = 0.0092 EUR = 0.92 cents
    assertThat(USD_EUR.convert(Amount.of(1, USD), Rounding.DOWN)).isEqualTo(Amount.of(0, EUR));
    assertThat(USD_EUR.convert(Amount.of(1, USD), Rounding.UP)).isEqualTo(Amount.of(1, EUR));
  }

  @Test
  void convertWhenScaleTwoToNineThenExactPowerOfTen() {
    ExchangeRate rescale = ExchangeRate.identity(USD, USD9);
    assertThat(rescale.convert(Amount.of(2500, USD), Rounding.DOWN))
        .isEqualTo(Amount.of(25_000_000_000L, USD9));
  }

  @Test
  void convertWhenScaleNineToTwoThenRoundedOnce() {
    ExchangeRate rescale = ExchangeRate.identity(USD9, USD);
    Amount source = Amount.of(25_009_999_999L, USD9);
    assertThat(rescale.convert(source, Rounding.DOWN)).isEqualTo(Amount.of(2500, USD));
    assertThat(rescale.convert(source, Rounding.UP)).isEqualTo(Amount.of(2501, USD));
  }

  @Test
  void convertWhenScaleTwoToZeroThenWholeYen() {
    ExchangeRate usdJpy = new ExchangeRate(USD, JPY, new BigDecimal("151.237"));
    // 10.00 USD = 1512.37 JPY
    assertThat(usdJpy.convert(Amount.of(1000, USD), Rounding.DOWN)).isEqualTo(Amount.of(1512, JPY));
    assertThat(usdJpy.convert(Amount.of(1000, USD), Rounding.UP)).isEqualTo(Amount.of(1513, JPY));
  }

  @Test
  void sourceForWhenFixedReceiveThenDebitRoundedUpCoversIt() {
    // 25.00 EUR at 0.92 needs 27.1739... USD
    Amount receive = Amount.of(2500, EUR);
    Amount debit = USD_EUR.sourceFor(receive, Rounding.UP);
    assertThat(debit).isEqualTo(Amount.of(2718, USD));
    assertThat(USD_EUR.convert(debit, Rounding.DOWN).compareTo(receive)).isGreaterThanOrEqualTo(0);
    assertThat(USD_EUR.sourceFor(receive, Rounding.DOWN)).isEqualTo(Amount.of(2717, USD));
  }

  @Test
  void sourceForWhenScaleNineTargetThenExact() {
    ExchangeRate rescale = ExchangeRate.identity(USD, USD9);
    assertThat(rescale.sourceFor(Amount.of(25_000_000_001L, USD9), Rounding.UP))
        .isEqualTo(Amount.of(2501, USD));
  }

  @Test
  void convertWhenResultAboveMaximumThenOverflowNamingTheConversion() {
    ExchangeRate rescale = ExchangeRate.identity(USD, USD9);
    Amount big = Amount.of(AmountValue.MAX, USD);
    assertThatThrownBy(() -> rescale.convert(big, Rounding.DOWN))
        .isInstanceOf(AmountOverflowException.class)
        .hasMessageContaining("USD/2→USD/9")
        .hasMessageContaining("2^64-1");
  }

  @Test
  void convertWhenResultExactlyMaximumThenAccepted() {
    ExchangeRate same = ExchangeRate.identity(USD, EUR);
    assertThat(same.convert(Amount.of(AmountValue.MAX, USD), Rounding.UP).value())
        .isEqualTo(AmountValue.MAX);
  }

  @Test
  void convertWhenAmountInOtherAssetThenAssetMismatch() {
    assertThatThrownBy(() -> USD_EUR.convert(Amount.of(1, USD9), Rounding.DOWN))
        .isInstanceOf(AssetMismatchException.class)
        .hasMessageContaining("USD/9")
        .hasMessageContaining("USD/2");
    assertThatThrownBy(() -> USD_EUR.sourceFor(Amount.of(1, USD), Rounding.UP))
        .isInstanceOf(AssetMismatchException.class);
  }

  @Test
  void constructWhenRateNotPositiveThenInvalidAmount() {
    assertThatThrownBy(() -> new ExchangeRate(USD, EUR, BigDecimal.ZERO))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new ExchangeRate(USD, EUR, new BigDecimal("-1")))
        .isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void convertWhenRoundingDownThenNeverMoreThanExact() {
    qt().withExamples(EXAMPLES)
        .forAll(values(), rates(), scales(), scales())
        .checkAssert(
            (value, rate, fromScale, toScale) -> {
              ExchangeRate fx =
                  new ExchangeRate(new Asset("A", fromScale), new Asset("B", toScale), rate);
              Amount source = Amount.of(value, fx.from());
              BigDecimal exact =
                  new BigDecimal(value).multiply(rate).scaleByPowerOfTen(toScale - fromScale);
              BigDecimal max = new BigDecimal(AmountValue.MAX);
              if (exact.compareTo(max) > 0) {
                assertThatThrownBy(() -> fx.convert(source, Rounding.DOWN))
                    .isInstanceOf(AmountOverflowException.class);
                return;
              }
              BigInteger down = fx.convert(source, Rounding.DOWN).value();
              BigInteger up = fx.convert(source, Rounding.UP).value();
              assertThat(new BigDecimal(down)).isLessThanOrEqualTo(exact);
              assertThat(new BigDecimal(up)).isGreaterThanOrEqualTo(exact);
              assertThat(up.subtract(down)).isLessThanOrEqualTo(BigInteger.ONE);
            });
  }

  @Test
  void sourceForWhenRoundingUpThenConvertedBackCoversTheTarget() {
    qt().withExamples(EXAMPLES)
        .forAll(values(), rates(), scales(), scales())
        .checkAssert(
            (target, rate, fromScale, toScale) -> {
              ExchangeRate fx =
                  new ExchangeRate(new Asset("A", fromScale), new Asset("B", toScale), rate);
              Amount wanted = Amount.of(target, fx.to());
              Amount debit;
              try {
                debit = fx.sourceFor(wanted, Rounding.UP);
              } catch (AmountOverflowException tooLarge) {
                return;
              }
              assertThat(fx.convert(debit, Rounding.DOWN).compareTo(wanted))
                  .isGreaterThanOrEqualTo(0);
            });
  }

  /** Amount values from 0 to 10^12 smallest units, spread over every order of magnitude. */
  private static Gen<Long> values() {
    return SpreadNumbers.longs(0, LARGEST_VALUE);
  }

  /** Rates from 0.000001 to 1000 with six decimals, spread over every order of magnitude. */
  private static Gen<BigDecimal> rates() {
    return SpreadNumbers.longs(1, LARGEST_RATE_UNITS)
        .map(units -> BigDecimal.valueOf(units, RATE_SCALE));
  }

  private static Gen<Integer> scales() {
    return Generate.range(0, LARGEST_SCALE);
  }
}
