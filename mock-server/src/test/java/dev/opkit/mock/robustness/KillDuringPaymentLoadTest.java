package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.mock.store.AccountKey;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentState;
import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.postgres.PostgresSettings;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sandbox process killed with SIGKILL in the middle of a payment load, then started again on the
 * same database: the books are whole. The process is a child JVM running the sandbox's {@code Main}
 * on the test classpath (the shaded jar is made only after the tests), behind the same balancer as
 * an in-process node that reads the database afterwards.
 */
class KillDuringPaymentLoadTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX = AuthSandbox.restartable(UnaryOperator.identity());

  private static final WalletId ALICE = new WalletId("ase1", "alice");
  private static final WalletId DAVE = new WalletId("ase2", "dave");

  @Test
  void killNineDuringPaymentsThenRestartFindsBalancedBooksAndNoMoneyLostOrDoubled()
      throws Exception {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    TestClient.Token token =
        client.interactiveToken(
            "ase1",
            "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\"],\"identifier\":\"%s\"}]"
                .formatted(SANDBOX.wallet("ase1", "alice")));
    String receiver = wallets.incomingPayment("ase2", "dave", "100000000", "USD");
    SANDBOX
        .admin("ase1")
        .contentType("application/json")
        .body("{\"delay\":\"PT1S\"}")
        .post("/admin/processing")
        .then()
        .statusCode(200);
    BigInteger aliceStart = wallets.balance("ase1", "alice");
    BigInteger daveStart = wallets.balance("ase2", "dave");

    Process first = startNode();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(6);
    for (int i = 0; i < 6; i++) {
      load.execute(
          () -> {
            while (loading.get()) {
              try {
                Response paid = pay(client, token, receiver);
                if (paid.statusCode() == 201) {
                  acknowledged.add(paid.path("id"));
                }
              } catch (RuntimeException cutOff) {
                // The node died under this request: the client cannot know what happened.
              }
            }
          });
    }
    Instant until = Instant.now().plusSeconds(20);
    while (acknowledged.size() < 40 && Instant.now().isBefore(until)) {
      Thread.sleep(50);
    }
    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    loading.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    SANDBOX.removeOutsideNodes();
    assertThat(acknowledged).as("payments made before the kill").hasSizeGreaterThanOrEqualTo(40);

    Process second = startNode();
    try {
      assertThat(SANDBOX.at("ase1").get("/admin/ledger").<Boolean>path("invariantHolds")).isTrue();
      Instant settled = Instant.now().plusSeconds(20);
      while (!inProgress().isEmpty() && Instant.now().isBefore(settled)) {
        Thread.sleep(200);
      }
      assertThat(inProgress()).as("payments still in progress after the restart").isEmpty();
      List<OutgoingPaymentRecord> payments = payments();
      assertThat(payments.stream().map(p -> p.id().toString()))
          .as("every payment the client was told about")
          .containsAll(
              acknowledged.stream().map(id -> id.substring(id.lastIndexOf('/') + 1)).toList());
      BigInteger debited = BigInteger.ZERO;
      BigInteger received = BigInteger.ZERO;
      for (OutgoingPaymentRecord payment : payments) {
        if (payment.state() == OutgoingPaymentState.COMPLETED) {
          debited = debited.add(payment.debitAmount().value());
          received = received.add(payment.receiveAmount().value());
        }
      }
      assertThat(aliceStart.subtract(wallets.balance("ase1", "alice"))).isEqualTo(debited);
      assertThat(wallets.balance("ase2", "dave").subtract(daveStart)).isEqualTo(received);
      assertThat(reserved()).as("alice's reservations with nothing in progress").isZero();
      assertThat(SANDBOX.at("ase1").get("/admin/ledger").<Boolean>path("invariantHolds")).isTrue();
    } finally {
      second.destroy();
      second.waitFor(20, TimeUnit.SECONDS);
      SANDBOX.removeOutsideNodes();
    }
  }

  private static Response pay(TestClient client, TestClient.Token token, String receiver) {
    return client
        .signed("ase1")
        .header("Authorization", "GNAP " + token.value())
        .contentType("application/json")
        .body(
            Bodies.json(
                "{\"walletAddress\":\"%s\",\"incomingPayment\":\"%s\",\"debitAmount\":{\"value\":\"7\",\"assetCode\":\"USD\",\"assetScale\":2}}",
                SANDBOX.wallet("ase1", "alice"), receiver))
        .post("/outgoing-payments");
  }

  /**
   * Starts the sandbox as a process of its own on the test's database; every request goes to it.
   */
  private static Process startNode() throws IOException, InterruptedException {
    PostgresSettings database = SANDBOX.database();
    int first = freePort();
    int second = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.opkit.mock.Main");
    command.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--db-url",
            database.url()
                + (database.url().contains("?") ? "&" : "?")
                + "currentSchema="
                + database.schema(),
            "--port",
            "ase1=" + first,
            "--port",
            "ase2=" + second,
            "--public-url",
            "ase1=" + SANDBOX.base("ase1"),
            "--public-url",
            "ase2=" + SANDBOX.base("ase2")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(PostgresSettings.USER_VARIABLE, database.user());
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("Open Payments sandbox ready")) {
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        break;
      }
    }
    assertThat(seen.toString()).as("the node's output").contains("Open Payments sandbox ready");
    Thread drain =
        new Thread(
            () -> {
              try {
                out.transferTo(java.io.Writer.nullWriter());
              } catch (IOException gone) {
                // The process ended.
              }
            });
    drain.setDaemon(true);
    drain.start();
    SANDBOX.addOutsideNode(List.of(first, second));
    SANDBOX.pin(1);
    return process;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<OutgoingPaymentRecord> payments() {
    return SANDBOX
        .sandbox()
        .storage()
        .readConsistent(
            SessionId.DEFAULT,
            reads ->
                reads
                    .outgoingPayments()
                    .page(ALICE, null, new PageQuery(100_000, false, null))
                    .orElseThrow()
                    .items());
  }

  private static List<UUID> inProgress() {
    return payments().stream()
        .filter(p -> p.state() == OutgoingPaymentState.PROCESSING)
        .map(OutgoingPaymentRecord::id)
        .toList();
  }

  private static BigInteger reserved() {
    return SANDBOX
        .sandbox()
        .storage()
        .read(
            SessionId.DEFAULT,
            reads ->
                reads
                    .ledger()
                    .find(AccountKey.reserved(ALICE))
                    .map(a -> a.balance())
                    .orElse(BigInteger.ZERO));
  }
}
