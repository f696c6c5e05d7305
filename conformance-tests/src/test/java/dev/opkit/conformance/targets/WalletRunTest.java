package dev.opkit.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.standin.HandOffConsentOperator;
import dev.opkit.conformance.standin.KitRun;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.PemKeys;
import dev.opkit.sandbox.admin.NewWallet;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Whole runs of the kit's wallet target with an in-process sandbox standing in for real wallets,
 * consent given through an operator's command ({@link HandOffConsentOperator}) instead of a person:
 * what runs and what is skipped, the events, and scenarios running at once.
 */
class WalletRunTest {
  private static final Ed25519KeyPair KEY = Ed25519KeyPair.generate();
  private static SandboxTarget sandbox;

  @TempDir Path dir;
  private HandOffConsentOperator operator;

  @BeforeEach
  void startOperator() {
    operator = HandOffConsentOperator.start(dir);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
    assertThat(operator.problems()).isEmpty();
  }

  @BeforeAll
  static void start() {
    // Real wallets ask for a wait of seconds before a grant is continued, which the wallet target
    // really waits; a short one keeps these runs short.
    sandbox =
        SandboxTarget.inProcess(
            SandboxConfig.defaults().withProfileOverrides(Map.of("continueWait", "PT1S")));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private Map<String, String> settings(SandboxTarget on, int parallel) throws IOException {
    return settings(on, parallel, dir, operator.command());
  }

  /**
   * The settings of a wallet target whose wallets are new ones of {@code on}, the client's key in
   * {@code dir}, consents given by {@code consentCommand}.
   */
  static Map<String, String> settings(
      SandboxTarget on, int parallel, Path dir, String consentCommand) throws IOException {
    String name = "kit-run-client-" + UUID.randomUUID().toString().substring(0, 8);
    String client =
        on.sandbox().createWallet(NewWallet.of(name, "USD", 2, 0).withPublicName("Kit")).id();
    on.sandbox().addKey(name, KEY.toJwk("kit-run-key"));
    String sender = on.newWallet(Role.SENDER, WalletSpec.ANY);
    String receiver = on.newWallet(Role.RECEIVER, WalletSpec.ANY);
    Path keyFile = dir.resolve("private.key");
    Files.writeString(keyFile, PemKeys.writePrivateKey(KEY));
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Map<String, String> settings = new HashMap<>();
    settings.put(KitSettings.TARGET, "wallet");
    settings.put(KitSettings.SENDER, sender);
    settings.put(KitSettings.RECEIVER, receiver);
    settings.put(KitSettings.CLIENT, client);
    settings.put(KitSettings.KEY_ID, "kit-run-key");
    settings.put(KitSettings.PRIVATE_KEY, keyFile.toString());
    settings.put(KitSettings.FINISH_URI, "http://localhost:" + port);
    settings.put(KitSettings.WALLET_PARALLEL, String.valueOf(parallel));
    settings.put(KitSettings.CONSENT_COMMAND, consentCommand);
    settings.put(KitSettings.CONSENT_TIMEOUT, "PT30S");
    return settings;
  }

  private static List<JsonNode> events(KitRun.Result result, String type) {
    return result.events().stream().filter(e -> e.path("event").asText().equals(type)).toList();
  }

  /** The most scenarios that were between their started and finished events at one time. */
  private static int mostAtOnce(KitRun.Result result) {
    Set<String> running = new HashSet<>();
    int most = 0;
    for (JsonNode event : result.events()) {
      String scenario = event.path("scenario").asText();
      switch (event.path("event").asText()) {
        case "scenario-started" -> {
          running.add(scenario);
          most = Math.max(most, running.size());
        }
        case "scenario-finished" -> running.remove(scenario);
        default -> {}
      }
    }
    return most;
  }

  private static String grade(KitRun.Result result, String scenario) {
    Element testcase = result.testcase(scenario).orElseThrow();
    var properties = testcase.getElementsByTagName("property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals("opkit.grade")) {
        return property.getAttribute("value");
      }
    }
    throw new AssertionError("no grade for " + scenario);
  }

  @Test
  void runWhenConsentByCommandThenConsentScenariosRunAtOnceAndSandboxOnesNameThePowerTheyLack()
      throws IOException {
    KitRun.Result result =
        KitRun.run(
            dir,
            settings(sandbox, 4),
            null,
            "outgoing-payments/create-outgoing-payment.feature",
            "grants/outgoing-payment-grant.feature",
            "quotes/quote-across-currencies.feature");

    assertThat(result.exitCode()).as(result.read("summary.txt")).isZero();
    assertThat(grade(result, "The money reaches the receiver")).isEqualTo("passed");
    assertThat(grade(result, "A quote converts what the sender pays into the receiver's asset"))
        .isEqualTo("passed");
    assertThat(grade(result, "The user rejects the grant")).isEqualTo("passed");
    Element skipped =
        (Element)
            result
                .testcase("A payment the wallet fails returns the money")
                .orElseThrow()
                .getElementsByTagName("skipped")
                .item(0);
    assertThat(skipped.getAttribute("message"))
        .isEqualTo(
            "needs the sandbox's admin API (to read or set balances, or make payments fail),"
                + " which wallet targets do not have");
    Element madeToOrder =
        (Element)
            result
                .testcase("A client whose wallet address has no public name cannot ask for consent")
                .orElseThrow()
                .getElementsByTagName("skipped")
                .item(0);
    assertThat(madeToOrder.getAttribute("message")).contains("wallets made to order");

    List<JsonNode> needed = events(result, "consent-needed");
    assertThat(needed).hasSize(6);
    assertThat(needed)
        .allMatch(e -> e.path("url").asText().startsWith(sandbox.providers().get(0)))
        .allMatch(e -> e.path("finishUri").asText().contains("/opkit-"));
    assertThat(needed)
        .filteredOn(e -> e.path("decision").asText().equals("reject"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.path("name").asText()).isEqualTo("The user rejects the grant"));
    assertThat(events(result, "consent-finished"))
        .extracting(e -> e.path("outcome").asText())
        .containsOnly("approved", "rejected");
    assertThat(events(result, "run-finished").get(0).path("exitCode").asInt()).isZero();
    assertThat(mostAtOnce(result)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void runWhenAScenarioListsTheClientsPaymentsThenNothingElseRunsMeanwhile() throws IOException {
    KitRun.Result result =
        KitRun.run(
            dir,
            settings(sandbox, 4),
            null,
            "incoming-payments/list-incoming-payments.feature",
            "incoming-payments/create-incoming-payment.feature",
            "wallet-addresses/get-wallet-address.feature",
            "signatures/request-signatures.feature");

    assertThat(result.exitCode()).as(result.read("summary.txt")).isZero();
    assertThat(
            grade(result, "A pretty-printed body is refused, as wallets running Rafiki refuse it"))
        .isEqualTo("passed");
    Set<String> lists = new HashSet<>();
    List<String> running = new ArrayList<>();
    for (JsonNode event : result.events()) {
      String scenario = event.path("scenario").asText();
      switch (event.path("event").asText()) {
        case "scenario-started" -> {
          if (scenario.startsWith("incoming-payments/list-incoming-payments.feature")) {
            lists.add(scenario);
            assertThat(running).as("running when " + scenario + " started").isEmpty();
          } else {
            assertThat(running).noneMatch(lists::contains);
          }
          running.add(scenario);
        }
        case "scenario-finished" -> running.remove(scenario);
        default -> {}
      }
    }
    assertThat(lists).hasSize(3);
    assertThat(mostAtOnce(result)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void runWhenABodyIsPrettyPrintedThenTheRefusalIsCheckedOnRealWalletsToo() throws IOException {
    String scenario = "A pretty-printed body is refused, as wallets running Rafiki refuse it";
    KitRun.Result result =
        KitRun.run(
            dir,
            settings(sandbox, 4),
            "^" + scenario + "$",
            "signatures/request-signatures.feature");

    assertThat(result.exitCode()).as(result.read("summary.txt")).isZero();
    assertThat(grade(result, scenario)).isEqualTo("passed");
  }

  @Test
  void runWhenContinuingAtOnceAfterAnAutomatedConsentThenTooFastAndTheRealWaitIsWaited()
      throws IOException {
    // A wait the hand-off consent fits in even on a loaded machine.
    SandboxTarget slow =
        SandboxTarget.inProcess(
            SandboxConfig.defaults().withProfileOverrides(Map.of("continueWait", "PT4S")));
    try {
      long started = System.nanoTime();
      KitRun.Result result =
          KitRun.run(dir, settings(slow, 1), null, "grants/continuation-timing.feature");

      assertThat(result.exitCode()).as(result.read("summary.txt")).isZero();
      assertThat(grade(result, "Continuing before the wait is over is too fast"))
          .isEqualTo("passed");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    } finally {
      slow.close();
    }
  }
}
