package dev.opkit.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import dev.opkit.protocol.SpreadNumbers;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class JsNumbersTest {
  // About one try in ten picks one of the few special values; QuickTheories skips the repeats, so
  // 3,500 tries give over 3,000 distinct doubles.
  private static final int EXAMPLES = 3_500;
  private static final int BIT_PATTERN_EXAMPLES = 2_000;
  private static final long LARGEST_17_DIGITS = 99_999_999_999_999_999L;
  private static final List<Double> SPECIAL_VALUES =
      List.of(
          0.0,
          -0.0,
          1.0,
          -1.0,
          Double.MIN_VALUE,
          Double.MIN_NORMAL,
          Double.MAX_VALUE,
          -Double.MAX_VALUE,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1",
    "100, 100",
    "0.1, 0.1",
    "-1.5, -1.5",
    "-0.0, 0",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1.5e21, 1.5e+21",
    "123456789012345680000, 123456789012345680000",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "1.5e-7, 1.5e-7",
    "0.002, 0.002",
    "1e23, 1e+23",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "0.30000000000000004, 0.30000000000000004",
    "9007199254740993, 9007199254740992",
    "9223372036854775808, 9223372036854776000",
    "123e3, 123000",
    "1e400, null",
    "NaN, null"
  })
  void formatWhenDoubleThenJavaScriptNumberToString(double value, String expected) {
    assertThat(JsNumbers.format(value)).isEqualTo(expected);
  }

  @Test
  void formatWhenAnyFiniteDoubleThenReadsBackExactly() {
    qt().withExamples(EXAMPLES)
        .forAll(doubles())
        .checkAssert(
            value -> {
              if (Double.isFinite(value)) {
                assertThat(Double.parseDouble(JsNumbers.format(value)))
                    .isEqualTo(value == 0 ? 0.0 : value);
              }
            });
  }

  @Test
  void formatWhenAnyFiniteDoubleThenSameDigitsAsSchubfachShortest() {
    qt().withExamples(EXAMPLES)
        .forAll(doubles())
        .checkAssert(JsNumbersTest::assertSameDigitsAsSchubfach);
  }

  @Test
  void formatWhenBitPatternNearPowersOfTwoThenSameDigitsAsSchubfach() {
    qt().withExamples(BIT_PATTERN_EXAMPLES)
        .forAll(bitPatterns())
        .checkAssert(
            bits ->
                // Clear the low mantissa bits so that values near powers of two, where the
                // rounding interval is lopsided, are well represented.
                assertSameDigitsAsSchubfach(
                    Double.longBitsToDouble(bits & 0x7FF0_0000_0000_000FL)));
  }

  /**
   * Any long; often one whose four low bits are clear, so that after the mask the double is exactly
   * a power of two, where the rounding interval is lopsided; sometimes a small one, which the mask
   * turns into a subnormal multiple of {@link Double#MIN_VALUE}.
   */
  private static Gen<Long> bitPatterns() {
    Gen<Long> any = SourceDSL.longs().all();
    Gen<Long> powersOfTwo = any.map(bits -> bits & ~0xFL);
    Gen<Long> small = Generate.longRange(0, 1 << 16);
    return Generate.frequency(Pair.of(5, any), Pair.of(4, powersOfTwo), Pair.of(1, small));
  }

  /**
   * Doubles of every kind: any bit pattern but NaN's (so every binade, subnormals and infinities
   * equally often), short decimals as people write them, and special values.
   */
  private static Gen<Double> doubles() {
    return Generate.frequency(
        Pair.of(5, SourceDSL.doubles().any()),
        Pair.of(4, shortDecimals()),
        Pair.of(1, Generate.pick(SPECIAL_VALUES)));
  }

  /**
   * Either sign, up to 17 significant digits times 10^-30 to 10^30, so that both notations and the
   * switches between them at 10^21 and 10^-7 come up.
   */
  private static Gen<Double> shortDecimals() {
    return SpreadNumbers.longs(0, LARGEST_17_DIGITS)
        .zip(
            Generate.range(-30, 30),
            Generate.booleans(),
            (unscaled, exponent, negative) -> {
              double magnitude = BigDecimal.valueOf(unscaled, -exponent).doubleValue();
              return negative ? -magnitude : magnitude;
            });
  }

  /**
   * Jackson's Schubfach port implements Java 19's Double.toString, which picks the same shortest
   * decimal as JavaScript except that, when one digit suffices, it may print a closer two-digit
   * decimal (4.9E-324 where JavaScript writes 5e-324).
   */
  private static void assertSameDigitsAsSchubfach(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return;
    }
    BigDecimal ours = new BigDecimal(JsNumbers.format(value)).stripTrailingZeros();
    BigDecimal java = new BigDecimal(DoubleToDecimal.toString(value)).stripTrailingZeros();
    if (ours.precision() == 1) {
      assertThat(java.precision()).isLessThanOrEqualTo(2);
      assertThat(ours.doubleValue()).isEqualTo(value);
    } else {
      assertThat(ours).isEqualTo(java);
    }
  }
}
