package dev.opkit.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsNumbersTest {

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

  @Property(tries = 3000)
  void formatWhenAnyFiniteDoubleThenReadsBackExactly(@ForAll double value) {
    if (Double.isFinite(value)) {
      assertThat(Double.parseDouble(JsNumbers.format(value))).isEqualTo(value == 0 ? 0.0 : value);
    }
  }

  @Property(tries = 3000)
  void formatWhenAnyFiniteDoubleThenSameDigitsAsSchubfachShortest(@ForAll double value) {
    assertSameDigitsAsSchubfach(value);
  }

  @Property(tries = 2000)
  void formatWhenBitPatternNearPowersOfTwoThenSameDigitsAsSchubfach(@ForAll long bits) {
    // Clear the low mantissa bits so that values near powers of two, where the rounding interval
    // is lopsided, are well represented.
    assertSameDigitsAsSchubfach(Double.longBitsToDouble(bits & 0x7FF0_0000_0000_000FL));
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
