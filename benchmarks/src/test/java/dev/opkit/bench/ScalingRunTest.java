package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScalingRunTest {
  @Test
  void shareWhenTotalDoesNotDivideThenSharesDifferByOneAndAddUp() {
    int[] shares = IntStream.range(0, 7).map(w -> ScalingRun.share(1_000_003, 7, w)).toArray();

    assertThat(IntStream.of(shares).sum()).isEqualTo(1_000_003);
    assertThat(IntStream.of(shares).max().orElseThrow() - IntStream.of(shares).min().orElseThrow())
        .isLessThanOrEqualTo(1);
  }
}
