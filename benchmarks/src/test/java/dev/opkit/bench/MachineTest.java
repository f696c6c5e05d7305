package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {
  @Test
  void fieldWhenProcFileHasItThenFirstValueTrimmed() {
    String cpuinfo =
        "processor\t: 0\nmodel name\t: AMD EPYC\nprocessor\t: 1\nmodel name\t: AMD EPYC\n";

    assertThat(Machine.field(cpuinfo, "model name")).hasValue("AMD EPYC");
    assertThat(Machine.field("MemTotal:       24684132 kB\n", "MemTotal")).hasValue("24684132 kB");
    assertThat(Machine.field(cpuinfo, "flags")).isEmpty();
  }

  @Test
  void currentWhenAskedThenNamesCpusAndJdk() {
    Machine machine = Machine.current();

    assertThat(machine.cpus()).isPositive();
    assertThat(machine.describe()).contains("CPUs").contains(System.getProperty("java.version"));
  }
}
