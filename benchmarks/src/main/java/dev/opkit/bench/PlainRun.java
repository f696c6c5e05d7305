package dev.opkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain baseline: the same clients and HTTP client, each request signed as in the journeys,
 * against {@link PlainEndpoint} in its own process with the sandbox's server settings and heap.
 */
final class PlainRun {
  private final Path root;
  private final Path work;
  private final String heap;
  private final LoadSettings settings;
  private final PrintStream progress;

  PlainRun(Path root, Path work, String heap, LoadSettings settings, PrintStream progress) {
    this.root = root;
    this.work = work;
    this.heap = heap;
    this.settings = settings;
    this.progress = progress;
  }

  LoadResult run() throws InterruptedException {
    int port = FreePorts.take(1).get(0);
    List<String> command =
        List.of(
            Java.executable(),
            "-Xmx" + heap,
            "-cp",
            Java.ownCodeSource().toString(),
            PlainEndpoint.class.getName(),
            "localhost",
            Integer.toString(port));
    progress.println("plain baseline: " + String.join(" ", command));
    String url = "http://localhost:" + port + "/plain";
    try (ServerProcess server = ServerProcess.start(command, root, work.resolve("plain.log"))) {
      server.awaitReady(url, SandboxLauncher.START_TIMEOUT);
      Measurements measurements = new Measurements();
      List<LoadGenerator.Work> clients = new ArrayList<>();
      String body = body();
      for (int i = 0; i < settings.clients(); i++) {
        SignedClient client =
            new SignedClient(Ed25519KeyPair.generate(), "plain-" + i, measurements);
        clients.add(() -> client.post(Step.PLAIN, url, "PLAINBENCHMARKTOKEN0", body, 200));
      }
      // One plain request per work item: a journey's worth is REQUESTS of them.
      LoadSettings plain =
          new LoadSettings(
              settings.clients(),
              settings.warmUp(),
              settings.duration(),
              settings.journeys() * GuideJourney.REQUESTS);
      return plain.run(new LoadGenerator(measurements, Optional.of(server.handle())), clients);
    }
  }

  /** A body the size of the journey's incoming-payment request. */
  private static String body() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("walletAddress", "http://localhost:4100/bench-payee-0");
    body.set("incomingAmount", GuideJourney.usd(2 * GuideJourney.PAYMENT_CENTS));
    body.put("expiresAt", "2026-11-25T18:10:00.000Z");
    return Json.write(body);
  }
}
