package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pause figures come from the JVM's safepoint log lines, read between two marks. */
class SafepointLogTest {
  private static final String G1 =
      "[465549155ns] Safepoint \"G1CollectForAllocation\", Time since last: 396742857 ns,"
          + " Reaching safepoint: 3466 ns, Cleanup: 80042 ns, At safepoint: 10800395 ns,"
          + " Total: 10883903 ns\n";
  private static final String Z =
      "[1.2s] Safepoint \"ZMarkStart\", Time since last: 1 ns, Reaching safepoint: 2 ns,"
          + " Cleanup: 3 ns, At safepoint: 4 ns, Total: 250000 ns\n";
  private static final String OTHER =
      "[1.3s] Safepoint \"ICBufferFull\", Time since last: 1 ns, Reaching safepoint: 2 ns,"
          + " Cleanup: 3 ns, At safepoint: 4 ns, Total: 1000000 ns\n";

  @Test
  void sinceWhenLinesWereAddedAfterTheMarkThenOnlyThoseCount(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("safepoints.log");
    Files.writeString(file, G1);
    SafepointLog log = new SafepointLog(file);
    long mark = log.mark();
    Files.writeString(file, G1 + Z + OTHER + "[1.4s] something else\n");

    Pauses pauses = log.since(mark);

    assertThat(pauses.count()).isEqualTo(2);
    assertThat(pauses.collections()).isEqualTo(1);
    assertThat(pauses.longest().operation()).isEqualTo("ICBufferFull");
    assertThat(pauses.percentile(50)).isEqualTo(250_000);
    assertThat(pauses.over(Pauses.AIM_NANOS)).isZero();
  }

  @Test
  void parseWhenAPauseIsOverTheAimThenCountedAndLongest() {
    Pauses pauses = SafepointLog.parse(Z + G1 + OTHER);

    assertThat(pauses.over(Pauses.AIM_NANOS)).isEqualTo(1);
    assertThat(pauses.longest().nanos()).isEqualTo(10_883_903);
    assertThat(pauses.percentile(99)).isEqualTo(10_883_903);
    assertThat(pauses.describe()).contains("3 pauses (2 for collections)", "1 over 10 ms");
  }

  @Test
  void sinceWhenTheJvmWroteNoLogThenNoPauses(@TempDir Path dir) {
    SafepointLog log = new SafepointLog(dir.resolve("missing.log"));

    assertThat(log.since(log.mark()).count()).isZero();
  }
}
