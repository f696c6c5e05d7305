package dev.opkit.protocol;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of whole numbers in a non-negative range that reach every order of
 * magnitude of the range and its ends, not only the top decade a uniform draw almost always lands
 * in (for 0 to 10^12, a uniform draw is below 10^9 once in a thousand tries).
 */
public final class SpreadNumbers {
  private static final int UNIFORM_WEIGHT = 4;
  private static final int BY_MAGNITUDE_WEIGHT = 4;
  private static final int ENDS_WEIGHT = 2;

  private SpreadNumbers() {}

  /**
   * Longs from {@code min} to {@code max} inclusive: 40% uniform, 40% uniform in a decimal
   * magnitude (number of digits) picked uniformly, 20% one of the two smallest or largest values.
   *
   * @throws IllegalArgumentException when {@code min} is negative or above {@code max}
   */
  public static Gen<Long> longs(long min, long max) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException(
          "a spread range needs 0 <= min <= max, got " + min + " to " + max);
    }
    Gen<Long> uniform = Generate.longRange(min, max, min);
    Gen<Long> byMagnitude =
        Generate.range(digits(min), digits(max), digits(min))
            .flatMap(d -> Generate.longRange(Math.max(min, lowest(d)), Math.min(max, highest(d))));
    Gen<Long> ends =
        Generate.pick(List.of(min, Math.min(min + 1, max), Math.max(max - 1, min), max));
    return Generate.frequency(
        Pair.of(UNIFORM_WEIGHT, uniform),
        Pair.of(BY_MAGNITUDE_WEIGHT, byMagnitude),
        Pair.of(ENDS_WEIGHT, ends));
  }

  /** Integers from {@code min} to {@code max} inclusive, spread as {@link #longs} does. */
  public static Gen<Integer> integers(int min, int max) {
    return longs(min, max).map(Math::toIntExact);
  }

  private static int digits(long value) {
    return Long.toString(value).length();
  }

  private static long lowest(int digits) {
    return digits == 1 ? 0 : pow10(digits - 1);
  }

  private static long highest(int digits) {
    return digits >= 19 ? Long.MAX_VALUE : pow10(digits) - 1;
  }

  private static long pow10(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= 10;
    }
    return result;
  }
}
