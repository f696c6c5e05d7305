package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CeilingBoundTest {
  private static final WarmUp.Outcome NO_WARM_UP =
      new WarmUp.Outcome(Duration.ZERO, WarmUp.Ending.FIXED);

  private static LoadResult run(long requests, Duration generatorCpu, Duration serverCpu) {
    return new LoadResult(
        Duration.ofSeconds(10).toNanos(),
        0,
        requests,
        requests,
        0,
        List.of(),
        Map.of(),
        NO_WARM_UP,
        new CpuTimes(generatorCpu, serverCpu));
  }

  @Test
  void ofWhenPlainAndCryptoCostsKnownThenBoundIsCpusOverTheirSum() {
    // 10 s on 2 CPUs: crypto 100 µs per request (200,000 of them), plain 200 µs (100,000).
    LoadResult crypto = run(200_000, Duration.ofSeconds(20), null);
    LoadResult plain = run(100_000, Duration.ofSeconds(10), Duration.ofSeconds(10));

    // At best 2 CPUs / 300 µs = 6,667 signed requests/s against a ceiling of 20,000/s.
    assertThat(CeilingBound.of(2, crypto, plain)).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void ofWhenCpuFiguresMissingThenZero() {
    LoadResult crypto = run(200_000, Duration.ofSeconds(20), null);
    LoadResult unmeasured = new LoadResult(1, 0, 1, 1, 0, List.of(), Map.of(), NO_WARM_UP, null);

    assertThat(CeilingBound.of(2, crypto, unmeasured)).isZero();
  }
}
