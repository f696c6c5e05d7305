package dev.opkit.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.SandboxFixture;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.NewWallet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code opm} end to end against the sandbox, as the README runs it. */
class OpmSandboxTest {
  @RegisterExtension
  static final SandboxFixture SANDBOX =
      new SandboxFixture(SandboxFixture.profileSwitches(Map.of("continueWait", "PT0S")));

  @TempDir Path directory;

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out, e);
      }
    }
  }

  private Result opm(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Opm.execute(args, new PrintWriter(out), new PrintWriter(err), env);
    return new Result(code, out.toString(), err.toString());
  }

  /** Generates a key with opm and registers it on a new client wallet address via the admin API. */
  private Map<String, String> identity() throws IOException {
    Path key = directory.resolve("key");
    Result generated =
        opm(Map.of(), "keys", "generate", "--out", key.toString(), "--kid", "cli-key", "--json");
    assertThat(generated.exitCode()).isZero();
    SANDBOX.admin("ase1").createWallet(NewWallet.of("cli", "USD", 2, 0).withPublicName("opm"));
    SANDBOX
        .admin("ase1")
        .addKey("cli", Json.read(Files.readString(directory.resolve("key.jwk.json")), Jwk.class));
    Map<String, String> env = new HashMap<>();
    env.put("OPM_WALLET_ADDRESS", SANDBOX.wallet("ase1", "cli"));
    env.put("OPM_PRIVATE_KEY", directory.resolve("key.pem").toString());
    env.put("OPM_KEY_ID", "cli-key");
    env.put("OPM_STATE", directory.resolve("schedule.json").toString());
    env.put("OPM_CLOCK_URL", SANDBOX.clockUrl("ase1"));
    return env;
  }

  @Test
  void recurringWhenStartedThenClockMovedThenRunPaysSecondPeriod() throws IOException {
    Map<String, String> env = identity();
    String alice = SANDBOX.wallet("ase1", "alice");
    String carol = SANDBOX.wallet("ase2", "carol");

    Result started =
        opm(
            env,
            "recurring",
            "start",
            "--from",
            alice,
            "--to",
            carol,
            "--amount",
            "5.00",
            "--every",
            "P1M",
            "--times",
            "12",
            "--consent",
            "headless");
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out())
        .contains("incoming payment created")
        .contains("consent given")
        .contains("outgoing payment created")
        .contains("payment 1 of 12");

    SANDBOX.admin("ase1").advance(Period.ofMonths(1));
    Result run = opm(env, "recurring", "run", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get("paid").asInt()).isEqualTo(2);
    assertThat(run.json().get("status").asText()).isEqualTo("ACTIVE");

    Result again = opm(env, "recurring", "run");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("nothing due");

    Result status = opm(env, "recurring", "status");
    assertThat(status.out()).contains("ACTIVE").contains("2 payments");

    Result cancelled = opm(env, "recurring", "cancel", "--json");
    assertThat(cancelled.exitCode()).isZero();
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void payWhenHeadlessConsentThenOnePaymentAndVerboseShowsSignatures() throws IOException {
    Map<String, String> env = identity();

    Result paid =
        opm(
            env,
            "pay",
            "--from",
            SANDBOX.wallet("ase1", "alice"),
            "--to",
            SANDBOX.wallet("ase1", "bob"),
            "--amount",
            "2.50",
            "--consent",
            "headless",
            "--verbose");

    assertThat(paid.exitCode()).as(paid.err()).isZero();
    assertThat(paid.out()).contains("COMPLETED");
    assertThat(paid.err())
        .contains("Signature-Input: sig1=(\"@method\" \"@target-uri\"")
        .contains("| \"@signature-params\": ");
  }

  @Test
  void recurringStartWhenRejectedThenConsentExitCode() throws IOException {
    Map<String, String> env = identity();

    Result rejected =
        opm(
            env,
            "recurring",
            "start",
            "--from",
            SANDBOX.wallet("ase1", "alice"),
            "--to",
            SANDBOX.wallet("ase2", "carol"),
            "--amount",
            "5.00",
            "--times",
            "3",
            "--consent",
            "headless",
            "--reject");

    assertThat(rejected.exitCode()).isEqualTo(ExitCodes.CONSENT);
    assertThat(rejected.out()).contains("CONSENT_REJECTED");
  }

  @Test
  void payWhenSenderLacksTheMoneyThenRefusedExitCodeSayingWhyAndNothingPaid() throws IOException {
    Map<String, String> env = identity();
    SANDBOX.admin("ase1").setBalance("alice", 100);

    Result paid =
        opm(
            env,
            "pay",
            "--from",
            SANDBOX.wallet("ase1", "alice"),
            "--to",
            SANDBOX.wallet("ase2", "carol"),
            "--amount",
            "5.00",
            "--consent",
            "headless");

    assertThat(paid.exitCode()).as(paid.out()).isEqualTo(ExitCodes.STOPPED);
    assertThat(paid.out())
        .contains("PAYMENT_FAILED")
        .contains("the wallet marked it failed with 0.00 USD of 5.00 USD sent")
        .contains("paid         0 payments")
        .doesNotContain("  paid   ");
    assertThat(SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(100);
  }

  @Test
  void recurringWhenWalletFailsThePaymentsThenPeriodStaysDueAndRunPaysIt() throws IOException {
    Map<String, String> env = identity();
    SANDBOX.admin("ase1").failNextPayments("alice", 2);
    long before = SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact();

    Result started =
        opm(
            env,
            "recurring",
            "start",
            "--from",
            SANDBOX.wallet("ase1", "alice"),
            "--to",
            SANDBOX.wallet("ase2", "carol"),
            "--amount",
            "5.00",
            "--times",
            "3",
            "--consent",
            "headless",
            "--json");

    assertThat(started.exitCode()).as(started.err()).isEqualTo(ExitCodes.NOT_PAID_YET);
    assertThat(started.json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(started.json().get("paid").asInt()).isZero();
    assertThat(started.json().at("/payments/0/outcome").asText()).isEqualTo("FAILED");
    assertThat(started.json().at("/payments/0/retryUntil").asText()).isNotEmpty();
    Result status = opm(env, "recurring", "status");
    assertThat(status.out()).contains("  1  failed ").contains("paid again by the next run until");
    assertThat(SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(before);

    Result run = opm(env, "recurring", "run", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.json().get("paid").asInt()).isEqualTo(1);
    assertThat(run.json().at("/payments/0/outcome").asText()).isEqualTo("PAID");
    assertThat(before - SANDBOX.admin("ase1").wallet("alice").balance().value().longValueExact())
        .isEqualTo(500);
  }

  @Test
  void walletGetWhenUnknownThenApiErrorExitCode() {
    Result result = opm(Map.of(), "wallet", "get", SANDBOX.wallet("ase1", "nobody"));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.err())
        .contains("HTTP 404: there is no wallet address")
        .doesNotContain("404 404");
  }
}
