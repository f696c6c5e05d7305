package dev.opkit.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.SandboxFixture;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.ReportCard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code opm recurring} as a user runs it, under named scenarios of a misbehaving wallet (issue
 * 18): the report card of what it did is clean and no period is paid twice. ({@code slow-consent}
 * is left to the engine's test: {@code opm} sleeps out a raised {@code wait} in real time.)
 */
class OpmReportCardTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX =
      new SandboxFixture(SandboxFixture.profileSwitches(Map.of("continueWait", "PT0S")));

  @TempDir Path directory;

  private int opm(Map<String, String> env, StringWriter out, String... args) {
    return Opm.execute(args, new PrintWriter(out), new PrintWriter(new StringWriter()), env);
  }

  /** A client wallet with two registered keys, as an operator who rotates keys keeps them. */
  private Map<String, String> identity() throws IOException {
    SANDBOX.admin("ase1").createWallet(NewWallet.of("cli", "USD", 2, 0).withPublicName("opm"));
    Map<String, String> env = new HashMap<>();
    env.put("OPM_WALLET_ADDRESS", SANDBOX.wallet("ase1", "cli"));
    env.put("OPM_PRIVATE_KEY", registeredKey("key", "k").toString());
    env.put("OPM_KEY_ID", "k");
    env.put("OPM_NEXT_PRIVATE_KEY", registeredKey("next", "k2").toString());
    env.put("OPM_NEXT_KEY_ID", "k2");
    env.put("OPM_STATE", directory.resolve("schedule.json").toString());
    env.put("OPM_CLOCK_URL", SANDBOX.clockUrl("ase1"));
    return env;
  }

  private Path registeredKey(String name, String kid) throws IOException {
    Path key = directory.resolve(name);
    opm(Map.of(), new StringWriter(), "keys", "generate", "--out", key.toString(), "--kid", kid);
    SANDBOX
        .admin("ase1")
        .addKey(
            "cli", Json.read(Files.readString(directory.resolve(name + ".jwk.json")), Jwk.class));
    return directory.resolve(name + ".pem");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "well-behaved",
        "rate-limited",
        "lost-response",
        "revoked",
        "month-3",
        "continuation-rotation",
        "reduced-limit",
        "interaction-expired",
        "rotation-refused",
        "unknown-fields",
        "expired-quote",
        "receiver-completed",
        "receiver-expired",
        "browser-redirect",
        "flaky-wallet",
        "key-rotation"
      })
  void opmRecurringUnderScenarioGetsACleanReportCard(String scenario) throws IOException {
    Map<String, String> env = identity();
    SANDBOX.admin("ase1").misbehaveAs(scenario);
    StringWriter out = new StringWriter();
    int started =
        opm(
            env,
            out,
            "recurring",
            "start",
            "--from",
            SANDBOX.wallet("ase1", "alice"),
            "--to",
            SANDBOX.wallet("ase2", "carol"),
            "--amount",
            "5.00",
            "--every",
            "P1M",
            "--times",
            "3",
            "--consent",
            "headless");
    boolean stopsAtOnce =
        scenario.equals("reduced-limit") || scenario.equals("interaction-expired");
    if (stopsAtOnce) {
      assertThat(started).as("a schedule that cannot pay stops: %s", out).isNotZero();
    } else {
      assertThat(started).as(out.toString()).isZero();
    }
    for (int month = 2; month <= 3; month++) {
      SANDBOX.admin("ase1").advance(Period.ofMonths(1));
      opm(env, out, "recurring", "run");
    }

    ReportCard card = SANDBOX.admin("ase1").report();
    assertThat(card.failedRules()).as(card + "\n" + out).isEmpty();
    if (scenario.equals("key-rotation")) {
      assertThat(card.verdict("signed-with-current-key")).as(card.toString()).isEqualTo("passed");
    }
    Set<Integer> periods = new HashSet<>();
    for (JsonNode payment : SANDBOX.admin("ase1").outgoingPayments("alice").path("result")) {
      if (!payment.path("failed").asBoolean()) {
        assertThat(periods.add(payment.path("metadata").path("opmPeriod").asInt()))
            .as("a period paid twice under %s", scenario)
            .isTrue();
      }
    }
    int expected =
        switch (scenario) {
          case "reduced-limit", "interaction-expired" -> 0;
          case "revoked", "rotation-refused" -> 1;
          case "month-3" -> 2;
          default -> 3;
        };
    assertThat(periods).as(out.toString()).hasSize(expected);
  }
}
