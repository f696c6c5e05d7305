package dev.opkit.mock.clientrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner behind {@code ./kit --client}: a real sandbox, a real command, its report card. */
class ClientConformanceRunTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ClientConformanceRun.run(
        List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void commandGetsTheEnvironmentAndTheCardIsPrinted() {
    int status =
        run(
            "month-3",
            "--",
            "sh",
            "-c",
            "test -n \"$OPM_WALLET_ADDRESS\" && grep -q 'BEGIN PRIVATE KEY' \"$OPM_PRIVATE_KEY\""
                + " && test -n \"$OPKIT_SENDER\" && test -n \"$OPM_CLOCK_URL\""
                + " && grep -q 'BEGIN PRIVATE KEY' \"$OPM_NEXT_PRIVATE_KEY\""
                + " && test \"$OPM_NEXT_KEY_ID\" != \"$OPM_KEY_ID\"");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Scenario month-3:", "OPM_WALLET_ADDRESS=http://", "OPM_KEY_ID=")
        // every rule, however many the card has: the command sent nothing
        .containsPattern("Client report card: 0 passed, 0 failed, \\d+ not exercised")
        .contains("rotated-expired-token");
  }

  @Test
  void commandThatFailsThenStatus3WithTheCardStillPrinted() {
    assertThat(run("well-behaved", "--", "sh", "-c", "exit 7")).isEqualTo(3);
    assertThat(out.toString()).contains("Client report card");
    assertThat(err.toString()).contains("exited with 7");
  }

  @Test
  void wrongArgumentsThenStatus2AndWhatToType() {
    assertThat(run("month-4", "--", "true")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scenario 'month-4'", "month-3");
    assertThat(run("month-3")).isEqualTo(2);
    assertThat(run("month-3", "--")).isEqualTo(2);
    assertThat(err.toString()).contains("usage: ./kit --client <scenario> -- <command...>");
  }

  @Test
  void listNamesEveryScenario() {
    assertThat(run("--list")).isZero();
    assertThat(out.toString()).contains("well-behaved\t", "lost-response\t", "month-3\t");
  }
}
