package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The scaling part: one client's create, get and list (first page) latencies on an empty sandbox
 * and on one preloaded with many outgoing and incoming payments spread over many wallets (through
 * {@code POST /admin/preload}), and the heap each stored payment takes.
 */
final class ScalingRun {
  /** The operations timed, in the order each round runs them. */
  static final List<Step> OPERATIONS =
      List.of(
          Step.INCOMING_PAYMENT,
          Step.GET_INCOMING,
          Step.LIST_INCOMING,
          Step.OUTGOING_PAYMENT,
          Step.GET_OUTGOING,
          Step.LIST_OUTGOING);

  private static final String RICH = "1000000000000000";

  private final SandboxLauncher launcher;
  private final ScalingSettings settings;
  private final PrintStream progress;

  ScalingRun(SandboxLauncher launcher, ScalingSettings settings, PrintStream progress) {
    this.launcher = launcher;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * What the part measured.
   *
   * @param empty latencies per operation on the empty sandbox
   * @param loaded latencies per operation on the preloaded one
   * @param before the preloaded sandbox after a full collection, before the preload
   * @param after the preloaded sandbox after a full collection, after the preload
   * @param preloaded how many payments the preload stored
   * @param preloadMillis how long the preload took
   */
  record Figures(
      Map<Step, Histogram> empty,
      Map<Step, Histogram> loaded,
      Footprint before,
      Footprint after,
      long preloaded,
      long preloadMillis) {

    /** Heap bytes per stored payment, from the two full-collection readings. */
    double heapPerPayment() {
      return (after.heapUsed() - before.heapUsed()) / (double) preloaded;
    }
  }

  /**
   * Two sandboxes side by side, one left empty and one preloaded, measured in alternating rounds so
   * that whatever else the machine does weighs on both alike.
   */
  Figures run() throws InterruptedException {
    progress.println("scaling: starting two sandboxes with -Xmx" + settings.heap());
    try (SandboxLauncher.Started empty = launcher.start("scaling-empty");
        SandboxLauncher.Started loaded = launcher.start("scaling-loaded")) {
      Operations onEmpty = open(empty);
      Operations onLoaded = open(loaded);
      Footprint before = Footprint.of(loaded.process(), loaded.senderAdmin(), true);
      progress.printf(
          "scaling: preloading %,d outgoing and %,d incoming payments over %d wallets%n",
          settings.outgoing(), settings.incoming(), settings.wallets());
      long started = System.nanoTime();
      long preloaded = preload(loaded.senderAdmin(), loaded.receiverAdmin(), onLoaded.app());
      long preloadMillis = (System.nanoTime() - started) / 1_000_000;
      Footprint after = Footprint.of(loaded.process(), loaded.senderAdmin(), true);
      progress.printf(
          "scaling: %d warm-up and %d measured rounds on each, alternating%n",
          settings.warmUpRounds(), settings.samples());
      Measurements discard = new Measurements();
      for (int i = 0; i < settings.warmUpRounds(); i++) {
        pair(i, onEmpty, discard, onLoaded, discard);
      }
      Measurements emptyTimes = new Measurements();
      Measurements loadedTimes = new Measurements();
      for (int i = 0; i < settings.samples(); i++) {
        pair(i, onEmpty, emptyTimes, onLoaded, loadedTimes);
      }
      return new Figures(
          operations(emptyTimes), operations(loadedTimes), before, after, preloaded, preloadMillis);
    }
  }

  /**
   * One round on each sandbox, the empty one first in even rounds and second in odd ones: the
   * sandbox measured second shares the CPUs with what the first still does after answering (its
   * request log, its garbage), which otherwise always weighs on the same side.
   */
  private static void pair(
      int round,
      Operations onEmpty,
      Measurements emptyTimes,
      Operations onLoaded,
      Measurements loadedTimes) {
    if (round % 2 == 0) {
      onEmpty.round(emptyTimes);
      onLoaded.round(loadedTimes);
    } else {
      onLoaded.round(loadedTimes);
      onEmpty.round(emptyTimes);
    }
  }

  private static Map<Step, Histogram> operations(Measurements measurements) {
    Map<Step, Histogram> result = measurements.latencies();
    result.keySet().retainAll(OPERATIONS);
    return result;
  }

  /** The measuring client, its wallets and tokens on one sandbox; the wallets to preload too. */
  private Operations open(SandboxLauncher.Started sandbox) {
    SandboxAdmin sender = sandbox.senderAdmin();
    SandboxAdmin receiver = sandbox.receiverAdmin();
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    String app =
        sender
            .createWallet(NewWallet.of("scale-app", "USD", 2, 0).withPublicName("Scaling app"))
            .id();
    sender.addKey("scale-app", keys.toJwk("scale-key"));
    for (int w = 0; w < settings.wallets(); w++) {
      sender.createWallet(new NewWallet("payer-" + w, null, "USD", 2, new BigInteger(RICH)));
      receiver.createWallet(NewWallet.of("payee-" + w, "USD", 2, 0));
    }
    SignedClient client = new SignedClient(keys, "scale-key", new Measurements());
    return new Operations(
        client,
        app,
        new GrantFlow(client, app),
        Party.read(client, sandbox.senderOrigin() + "/payer-0"),
        Party.read(client, sandbox.receiverOrigin() + "/payee-0"));
  }

  /** Preloads every wallet pair; returns how many payments were stored. */
  private long preload(SandboxAdmin sender, SandboxAdmin receiver, String app) {
    long stored = 0;
    int wallets = settings.wallets();
    for (int w = 0; w < wallets; w++) {
      int outgoing = share(settings.outgoing(), wallets, w);
      int incoming = share(settings.incoming(), wallets, w);
      ObjectNode payments = Json.mapper().createObjectNode();
      payments.put("wallet", "payer-" + w);
      payments.put("outgoingPayments", outgoing);
      payments.put("receiver", receiver.wallet("payee-" + w).id());
      payments.put("client", app);
      sender.preload(payments);
      ObjectNode receipts = Json.mapper().createObjectNode();
      receipts.put("wallet", "payee-" + w);
      receipts.put("incomingPayments", incoming);
      receipts.put("client", app);
      receiver.preload(receipts);
      // Each outgoing preload also opens the one incoming payment its payments go to.
      stored += outgoing + incoming + (outgoing > 0 ? 1 : 0);
    }
    return stored;
  }

  /** The {@code w}-th of {@code parts} near-equal shares of {@code total}. */
  static int share(int total, int parts, int w) {
    return total / parts + (w < total % parts ? 1 : 0);
  }

  /** One client's timed operations on one payer and one payee. */
  private static final class Operations {
    private final SignedClient client;
    private final String app;
    private final Party payer;
    private final Party payee;
    private final GrantFlow.Token incomingToken;
    private final GrantFlow.Token outgoingToken;
    private final String openReceiver;

    Operations(SignedClient client, String app, GrantFlow grants, Party payer, Party payee) {
      this.client = client;
      this.app = app;
      this.payer = payer;
      this.payee = payee;
      this.incomingToken =
          grants.approved(
              Step.INCOMING_GRANT,
              payee.authServer(),
              GrantFlow.access("incoming-payment", payee.url(), "create", "read", "list"));
      this.outgoingToken =
          grants.interactive(
              payer.authServer(),
              GrantFlow.access("outgoing-payment", payer.url(), "create", "read", "list"));
      this.openReceiver = createIncoming(client);
    }

    /** The client's wallet address, which the preload records as the payments' creator. */
    String app() {
      return app;
    }

    /** Every operation once, timed into {@code measurements}. */
    void round(Measurements measurements) {
      SignedClient c = client.recordingInto(measurements);
      String incoming = createIncoming(c);
      c.get(Step.GET_INCOMING, incoming, incomingToken.value(), 200);
      c.get(
          Step.LIST_INCOMING,
          payee.resourceServer() + "/incoming-payments?wallet-address=" + encode(payee.url()),
          incomingToken.value(),
          200);
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("walletAddress", payer.url());
      body.put("incomingPayment", openReceiver);
      body.set("debitAmount", GuideJourney.usd(100));
      JsonNode payment =
          c.post(
                  Step.OUTGOING_PAYMENT,
                  payer.resourceServer() + "/outgoing-payments",
                  outgoingToken.value(),
                  Json.write(body),
                  201)
              .json();
      c.get(Step.GET_OUTGOING, payment.get("id").asText(), outgoingToken.value(), 200);
      c.get(
          Step.LIST_OUTGOING,
          payer.resourceServer() + "/outgoing-payments?wallet-address=" + encode(payer.url()),
          outgoingToken.value(),
          200);
    }

    private String createIncoming(SignedClient c) {
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("walletAddress", payee.url());
      return c.post(
              Step.INCOMING_PAYMENT,
              payee.resourceServer() + "/incoming-payments",
              incomingToken.value(),
              Json.write(body),
              201)
          .text("/id");
    }

    private static String encode(String url) {
      return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }
  }
}
