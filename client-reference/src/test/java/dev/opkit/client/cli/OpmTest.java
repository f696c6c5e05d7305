package dev.opkit.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.recurring.FakeWallets;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.PemKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmTest {
  private final FakeWallets wallets = new FakeWallets();

  @TempDir Path directory;

  @AfterEach
  void close() {
    wallets.close();
  }

  /** One run of opm: its exit code and what it printed. */
  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  private Map<String, String> env() {
    return Map.of(
        "OPM_WALLET_ADDRESS", wallets.url("/client"),
        "OPM_PRIVATE_KEY", PemKeys.writePrivateKey(wallets.key),
        "OPM_KEY_ID", FakeWallets.KEY_ID,
        "OPM_STATE", directory.resolve("schedule.json").toString(),
        "OPM_CLOCK_URL", wallets.url("/clock"));
  }

  private Result opm(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Opm.execute(args, new PrintWriter(out), new PrintWriter(err), env);
    return new Result(code, out.toString(), err.toString());
  }

  private Result opm(String... args) {
    return opm(env(), args);
  }

  private String[] start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "recurring",
                "start",
                "--from",
                wallets.url("/alice"),
                "--to",
                wallets.url("/bob"),
                "--amount",
                "5.00",
                "--every",
                "P1M",
                "--times",
                "3",
                "--consent",
                "headless"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void keysGenerateWhenRunThenPemJwkAndKidThatMatch() throws IOException {
    Path base = directory.resolve("client");

    Result result = opm(Map.of(), "keys", "generate", "--out", base.toString(), "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode printed = result.json();
    Jwk jwk = Json.read(Files.readString(directory.resolve("client.jwk.json")), Jwk.class);
    assertThat(jwk.kid()).isEqualTo(printed.get("keyId").asText());
    assertThat(
            PemKeys.readPrivateKey(Files.readString(directory.resolve("client.pem")))
                .toJwk(jwk.kid()))
        .isEqualTo(jwk);
  }

  @Test
  void keysGenerateWhenFileExistsThenUsageErrorUnlessForced() {
    String base = directory.resolve("client").toString();
    opm(Map.of(), "keys", "generate", "--out", base);

    assertThat(opm(Map.of(), "keys", "generate", "--out", base).exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(opm(Map.of(), "keys", "generate", "--out", base, "--force").exitCode()).isZero();
  }

  @Test
  void walletGetWhenJsonThenDocument() {
    Result result = opm("wallet", "get", wallets.url("/alice"), "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.json().at("/walletAddress/assetCode").asText()).isEqualTo("USD");
  }

  @Test
  void walletGetWhenNothingListensThenNetworkExitCode() {
    Result result = opm("wallet", "get", "http://127.0.0.1:1/alice");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NETWORK);
    assertThat(result.err()).contains("connection refused");
  }

  @Test
  void grantRequestWhenQuoteThenTokenPrinted() {
    Result result =
        opm("grant", "request", "--type", "quote", "--wallet-address", wallets.url("/alice"));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("token").contains("QUOTE-");
  }

  @Test
  void grantRequestWhenOutgoingWithHeadlessConsentThenTokenAfterContinuation() {
    Result result =
        opm(
            "grant",
            "request",
            "--type",
            "outgoing-payment",
            "--wallet-address",
            wallets.url("/alice"),
            "--debit-amount",
            "5.00",
            "--consent",
            "headless",
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.json().at("/access_token/value").asText()).startsWith("OUT-");
  }

  @Test
  void grantRequestWhenUnknownTypeThenUsage() {
    Result result =
        opm("grant", "request", "--type", "payments", "--wallet-address", wallets.url("/alice"));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("unknown --type payments");
  }

  @Test
  void recurringWhenStartRunStatusCancelThenWholeJourney() {
    Result started = opm(start());
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out()).contains("outgoing payment created").contains("ACTIVE");

    Result nothingDue = opm("recurring", "run");
    assertThat(nothingDue.exitCode()).isZero();
    assertThat(nothingDue.out()).contains("nothing due");
    assertThat(wallets.outgoing).hasSize(1);

    wallets.clock.advance(Period.ofMonths(1));
    Result second = opm("recurring", "run", "--json");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.json().get("paid").asInt()).isEqualTo(2);
    assertThat(wallets.outgoing).hasSize(2);

    Result status = opm("recurring", "status", "--json");
    assertThat(status.json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(status.json().at("/payments/1/debitAmount").asText()).isEqualTo("5.00 USD");
    assertThat(status.out()).doesNotContain("OUT-");

    Result cancelled = opm("recurring", "cancel");
    assertThat(cancelled.exitCode()).isZero();
    assertThat(cancelled.out()).contains("CANCELLED");
    assertThat(wallets.revoked).isTrue();
  }

  @Test
  void recurringStatusWhenPrintedThenEveryTimestampHasTheWiresMillisecondPrecision() {
    assertThat(opm(start("--start", "2025-05-20")).exitCode()).isZero();

    String status = opm("recurring", "status").out();

    java.util.regex.Matcher timestamps =
        java.util.regex.Pattern.compile("(?<![R\\d]/)\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")
            .matcher(status);
    List<String> found = new ArrayList<>();
    while (timestamps.find()) {
      found.add(timestamps.group());
    }
    assertThat(found)
        .as(status)
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(t -> t.matches(".*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
  }

  @Test
  void recurringRunWhenIdentityOnlyInStateFileThenUsesItsKeyFile() throws IOException {
    Path key = directory.resolve("key.pem");
    Files.writeString(key, PemKeys.writePrivateKey(wallets.key));
    Map<String, String> env =
        Map.of(
            "OPM_STATE", directory.resolve("schedule.json").toString(),
            "OPM_CLOCK_URL", wallets.url("/clock"));
    Result started =
        opm(
            env,
            start(
                "--wallet",
                wallets.url("/client"),
                "--key-file",
                key.toString(),
                "--key-id",
                FakeWallets.KEY_ID));
    assertThat(started.exitCode()).as(started.err()).isZero();
    wallets.clock.advance(Period.ofMonths(1));

    Result run =
        opm(Map.of("OPM_STATE", directory.resolve("schedule.json").toString()), "recurring", "run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(wallets.outgoing).hasSize(2);
  }

  @Test
  void recurringStartWhenConsentRejectedThenConsentExitCode() {
    Result result = opm(start("--reject"));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONSENT);
    assertThat(result.out()).contains("CONSENT_REJECTED");
    assertThat(wallets.outgoing).isEmpty();
  }

  @Test
  void recurringRunWhenLimitSpentThenStoppedExitCode() {
    opm(start());
    wallets.clock.advance(Period.ofMonths(1));
    wallets.refuseNextPayment =
        Reply.json(403, "{\"error\":{\"code\":\"403\",\"description\":\"unauthorized\"}}");
    wallets.spentAmounts =
        "{\"spentDebitAmount\":{\"value\":\"500\",\"assetCode\":\"USD\",\"assetScale\":2},"
            + "\"spentReceiveAmount\":null}";

    Result result = opm("recurring", "run");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.STOPPED);
    assertThat(result.out()).contains("LIMIT_SPENT");
  }

  @Test
  void payWhenFinishUriBreaksTheProtocolRuleThenUsageBeforeAnyGrant() {
    for (String consent : List.of("headless", "browser")) {
      Result result =
          opm(
              "pay",
              "--from",
              wallets.url("/alice"),
              "--to",
              wallets.url("/bob"),
              "--amount",
              "1.00",
              "--consent",
              consent,
              "--finish-uri",
              "http://localhost:3344/#done");

      assertThat(result.exitCode()).as(consent + " " + result.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).contains("--finish-uri").contains("fragment (#done)");
    }
    assertThat(wallets.server.received()).noneMatch(r -> r.method().equals("POST"));
  }

  @Test
  void payWhenBrowserConsentPortTakenThenUsageBeforeAnyGrant() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result result =
          opm(
              "pay",
              "--from",
              wallets.url("/alice"),
              "--to",
              wallets.url("/bob"),
              "--amount",
              "1.00",
              "--finish-uri",
              "http://localhost:" + taken.getLocalPort());

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).contains("port " + taken.getLocalPort());
      assertThat(wallets.server.received()).noneMatch(r -> r.method().equals("POST"));
    }
  }

  @Test
  void recurringStatusWhenNoStateFileThenStateFileExitCode() {
    Result result = opm("recurring", "status");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.STATE_FILE);
    assertThat(result.err()).contains("no schedule in");
  }

  @Test
  void recurringStartWhenNoIdentityThenUsageNamingVariable() {
    Result result = opm(Map.of("OPM_STATE", directory.resolve("s.json").toString()), start());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("OPM_WALLET_ADDRESS");
  }

  @Test
  void recurringStartWhenNextKeyFileWithoutNextKeyIdThenUsageBeforeAnyRequest() {
    Result result =
        opm(start("--next-key-file", PemKeys.writePrivateKey(Ed25519KeyPair.generate())));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--next-key-id");
    assertThat(directory.resolve("schedule.json")).doesNotExist();
  }

  @Test
  void recurringStartWhenNextKeyIdIsTheCurrentOneThenUsage() {
    Result result =
        opm(
            start(
                "--next-key-file",
                PemKeys.writePrivateKey(Ed25519KeyPair.generate()),
                "--next-key-id",
                FakeWallets.KEY_ID));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("must differ");
  }

  @Test
  void verboseWhenSignedRequestThenHeadersAndSignatureBaseOnStandardError() {
    Result result =
        opm("grant", "request", "--type", "quote", "--wallet-address", wallets.url("/alice"), "-v");

    assertThat(result.err())
        .contains("> POST " + wallets.url("/auth"))
        .contains("> Signature-Input: sig1=(\"@method\" \"@target-uri\" \"content-digest\"")
        .contains("  | \"@signature-params\": ")
        .contains("< 200");
  }

  @Test
  void jsonWhenApiErrorThenErrorDocumentAndApiExitCode() {
    Result result = opm("wallet", "get", wallets.url("/nobody"), "--json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.json().at("/error/status").asInt()).isEqualTo(404);
    assertThat(result.json().at("/error/url").asText()).isEqualTo(wallets.url("/nobody"));
  }

  @Test
  void recurringStartWhenEveryIsNotAnIsoDurationThenUsageWithAnExample() {
    List<String> args = new ArrayList<>(List.of(start()));
    args.set(args.indexOf("P1M"), "1 month");

    Result result = opm(args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("--every \"1 month\" is not an ISO 8601 duration")
        .contains("P1M (a month)")
        .doesNotContain("end");
    assertThat(wallets.server.received()).noneMatch(r -> r.method().equals("POST"));
  }

  @Test
  void recurringStartWhenStartIsAnRfc3339DateThenFirstPeriodStartsAtMidnightUtc() {
    Result result = opm(start("--start", "2025-05-20"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("per period of R3/2025-05-20T00:00:00Z/P1M");
  }

  @Test
  void recurringStartWhenStartIsADateTimeWithOffsetThenTakenInUtc() {
    Result result = opm(start("--start", "2025-05-20T14:00:00+02:00"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("per period of R3/2025-05-20T12:00:00Z/P1M");
  }

  @Test
  void optionsWhenTimeOrDurationUnreadableThenUsageNamingTheFormWithoutJavaInternals() {
    Result start = opm(start("--start", "tomorrow"));
    Result timeout = opm("wallet", "get", wallets.url("/alice"), "--timeout", "5");

    assertThat(start.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(start.err())
        .contains("'tomorrow' is not an RFC 3339 date or date-time")
        .contains("2026-01-01T09:00:00Z")
        .doesNotContain("java.");
    assertThat(timeout.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(timeout.err())
        .contains("'5' is not an ISO 8601 duration; write it like PT30S")
        .doesNotContain("java.");
  }

  @Test
  void clockUrlWhenItAnswers404ThenApiErrorExitCode() {
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("OPM_CLOCK_URL", wallets.url("/no-clock"));

    Result result = opm(env, start());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
    assertThat(result.err()).contains("answered HTTP 404");
  }

  @Test
  void clockUrlWhenNothingListensThenNetworkExitCodeSayingSo() {
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("OPM_CLOCK_URL", "http://127.0.0.1:1/admin/clock");

    Result result = opm(env, start());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NETWORK);
    assertThat(result.err()).contains("connection refused").doesNotContain("null");
  }

  @Test
  void helpWhenAskedOnAnyCommandThenUsageAndZero() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"recurring", "run", "--help"},
            new String[] {"pay", "--help"},
            new String[] {"keys", "generate", "--help"})) {
      Result result = opm(args);
      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).startsWith("Usage: opm");
    }
  }
}
