package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class Junit5RunTest {
  @Test
  void timingsWhenUnsortedThenNearestRankPercentilesInMillis() {
    List<Long> nanos =
        LongStream.rangeClosed(1, 10).map(i -> (11 - i) * 1_000_000).boxed().toList();

    Junit5Run.Timings timings = new Junit5Run.Timings(nanos);

    assertThat(timings.medianMillis()).isEqualTo(5.0);
    assertThat(timings.p90Millis()).isEqualTo(9.0);
    assertThat(timings.bestMillis()).isEqualTo(1.0);
    assertThat(timings.worstMillis()).isEqualTo(10.0);
  }
}
