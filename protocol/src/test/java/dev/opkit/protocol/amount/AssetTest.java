package dev.opkit.protocol.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 9, 255})
  void constructWhenScaleWithinRangeThenAccepted(int scale) {
    assertThat(new Asset("USD", scale).scale()).isEqualTo(scale);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 256, 1000})
  void constructWhenScaleOutsideRangeThenInvalidAmount(int scale) {
    assertThatThrownBy(() -> new Asset("USD", scale))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("assetScale " + scale + " is outside 0..255");
  }

  @Test
  void constructWhenCodeBlankOrNullThenInvalidAmount() {
    assertThatThrownBy(() -> new Asset(" ", 2))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("assetCode");
    assertThatThrownBy(() -> new Asset(null, 2)).isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void equalsWhenSameCodeDifferentScaleThenDifferentAssets() {
    assertThat(new Asset("USD", 2)).isNotEqualTo(new Asset("USD", 9));
    assertThat(new Asset("USD", 2)).hasToString("USD/2");
  }
}
