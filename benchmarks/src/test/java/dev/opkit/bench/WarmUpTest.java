package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  private static final Duration SECONDS_30 = Duration.ofSeconds(30);
  private static final Duration MINUTES_3 = Duration.ofMinutes(3);

  /** Answers requests at the given rates (per 10 s slice), one rate per sleep after the first. */
  private static final class FakeLoad {
    final AtomicLong answered = new AtomicLong();
    final List<Duration> sleeps = new ArrayList<>();
    private final long[] perSlice;

    FakeLoad(long... perSlice) {
      this.perSlice = perSlice;
    }

    void sleep(Duration duration) {
      int slice = sleeps.size() - 1;
      sleeps.add(duration);
      answered.addAndGet(slice < 0 ? 100 : perSlice[Math.min(slice, perSlice.length - 1)]);
    }
  }

  @Test
  void awaitWhenThroughputStillRisesThenWaitsUntilTwoSlicesAgree() throws InterruptedException {
    FakeLoad load = new FakeLoad(1_000, 2_000, 3_000, 3_900, 4_000, 4_100);

    WarmUp.Outcome outcome =
        WarmUp.between(SECONDS_30, MINUTES_3).await(load.answered::get, load::sleep);

    // 3,900 → 4,000 is within 5 %: the fifth slice after the minimum ends the warm-up.
    assertThat(outcome.ending()).isEqualTo(WarmUp.Ending.STEADY);
    assertThat(outcome.length()).isEqualTo(Duration.ofSeconds(80));
    assertThat(load.sleeps).first().isEqualTo(SECONDS_30);
  }

  @Test
  void awaitWhenThroughputNeverSettlesThenStopsAtTheMaximum() throws InterruptedException {
    long[] doubling = new long[40];
    for (int i = 0; i < doubling.length; i++) {
      doubling[i] = 1L << i;
    }
    FakeLoad load = new FakeLoad(doubling);

    WarmUp.Outcome outcome =
        WarmUp.between(SECONDS_30, Duration.ofSeconds(75)).await(load.answered::get, load::sleep);

    assertThat(outcome.ending()).isEqualTo(WarmUp.Ending.STILL_RISING);
    assertThat(outcome.length()).isEqualTo(Duration.ofSeconds(75));
    assertThat(load.sleeps).last().isEqualTo(Duration.ofSeconds(5));
    assertThat(outcome.describe()).isEqualTo("75 s (throughput still rising at the maximum)");
  }

  @Test
  void awaitWhenMinimumIsMaximumThenFixedLength() throws InterruptedException {
    FakeLoad load = new FakeLoad(1, 1_000_000);

    WarmUp.Outcome outcome =
        WarmUp.between(SECONDS_30, SECONDS_30).await(load.answered::get, load::sleep);

    assertThat(outcome).isEqualTo(new WarmUp.Outcome(SECONDS_30, WarmUp.Ending.FIXED));
    assertThat(load.sleeps).containsExactly(SECONDS_30);
  }

  @Test
  void steadyWhenRateFallsOrRisesLittleThenTrue() {
    WarmUp warmUp = WarmUp.between(SECONDS_30, MINUTES_3);

    assertThat(warmUp.steady(1_000, 900)).isTrue();
    assertThat(warmUp.steady(1_000, 1_050)).isTrue();
    assertThat(warmUp.steady(1_000, 1_051)).isFalse();
    assertThat(warmUp.steady(0, 0)).isFalse();
  }

  @Test
  void constructorWhenMaximumBelowMinimumThenNamesTheOptions() {
    assertThatThrownBy(() -> WarmUp.between(MINUTES_3, SECONDS_30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--warm-up-max");
  }
}
