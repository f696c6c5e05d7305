package dev.opkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Prism as a {@link PostTarget}: the same clients, signing the same kind of request (Prism checks
 * the headers are there, not the signature), against Prism's mock of the resource server.
 */
final class PrismTarget implements PostTarget {
  private final ServerProcess process;
  private final int port;
  private final Duration ready;

  private PrismTarget(ServerProcess process, int port, Duration ready) {
    this.process = process;
    this.port = port;
    this.ready = ready;
  }

  /** Starts Prism on a free port and waits for its first answer. */
  static PrismTarget start(Prism prism, Path root, Path log) throws InterruptedException {
    int port = FreePorts.take(1).get(0);
    ServerProcess process = ServerProcess.start(prism.command(port), root, log);
    try {
      Duration ready =
          process.awaitReady(
              Prism.readyUrl(port), Prism.REQUIRED_HEADERS, SandboxLauncher.START_TIMEOUT);
      return new PrismTarget(process, port, ready);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  Duration ready() {
    return ready;
  }

  @Override
  public String name() {
    return "Prism";
  }

  @Override
  public ServerProcess process() {
    return process;
  }

  @Override
  public List<LoadGenerator.Work> clients(int count, Measurements measurements) {
    String url = "http://127.0.0.1:" + port + "/incoming-payments";
    List<LoadGenerator.Work> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SignedClient client = new SignedClient(Ed25519KeyPair.generate(), "prism-" + i, measurements);
      clients.add(
          () ->
              client.post(
                  Step.INCOMING_PAYMENT, url, "PRISMBENCHMARKTOKEN", body(Instant.now()), 201));
    }
    return clients;
  }

  @Override
  public LoadGenerator.Probe probe() {
    return LoadGenerator.Probe.NONE;
  }

  @Override
  public Phase phase(LoadResult load) {
    return new Phase(load, null, null);
  }

  @Override
  public void close() {
    process.close();
  }

  /** The incoming-payment body the sandbox's clients send, for a payee Prism need not know. */
  private static String body(Instant now) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("walletAddress", "https://prism.example/bench-payee");
    body.set("incomingAmount", GuideJourney.usd(2 * GuideJourney.PAYMENT_CENTS));
    body.put(
        "expiresAt", now.plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString());
    return Json.write(body);
  }
}
