package dev.opkit.mock.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Asset USD = new Asset("USD", 2);

  @Test
  void displayWhenScaleTwoThenDecimalPoint() {
    assertThat(Money.of(USD, 1050).display()).isEqualTo("10.50 USD");
    assertThat(Money.of(new Asset("JPY", 0), 7).display()).isEqualTo("7 JPY");
  }

  @Test
  void minusWhenResultNegativeThenRefused() {
    assertThatThrownBy(() -> Money.of(USD, 1).minus(Money.of(USD, 2)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void plusWhenAssetsDifferThenRefused() {
    assertThatThrownBy(() -> Money.of(USD, 1).plus(Money.of(new Asset("USD", 9), 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different assets");
  }

  @Test
  void constructorWhenAboveUint64ThenRefused() {
    assertThatThrownBy(() -> new Money(USD, BigInteger.ONE.shiftLeft(64)))
        .isInstanceOf(ArithmeticException.class);
  }
}
