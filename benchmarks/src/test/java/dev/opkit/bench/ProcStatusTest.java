package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
  @Test
  void residentBytesWhenStatusListsVmRssThenBytes() {
    String status = "Name:\tjava\nVmPeak:\t 9025312 kB\nVmRSS:\t  341524 kB\nThreads:\t42\n";

    assertThat(ProcStatus.residentBytes(status)).hasValue(341_524L * 1024);
  }

  @Test
  void residentBytesWhenNoVmRssThenEmpty() {
    assertThat(ProcStatus.residentBytes("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEmpty();
  }

  @Test
  void residentBytesWhenUnitIsNotKilobytesThenRefused() {
    assertThatThrownBy(() -> ProcStatus.residentBytes("VmRSS:\t 12 MB\n"))
        .hasMessageContaining("not in kB");
  }

  @Test
  void residentBytesWhenOwnProcessThenSomeMegabytes() {
    assertThat(ProcStatus.residentBytes(ProcessHandle.current().pid()).orElse(1L << 20))
        .isGreaterThanOrEqualTo(1L << 20);
  }
}
