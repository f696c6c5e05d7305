package dev.opkit.mock.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that receives webhooks, keeps each request, and answers with the
 * statuses it is told, one per request (200 once the script is used up). A status of {@link #HANG}
 * makes it wait {@code hangFor} and then answer 200.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** Answer late (after {@code hangFor}) with 200. */
  static final int HANG = -1;

  /** One request as received. */
  public record Received(String signature, String contentType, String body, Instant at) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private volatile int afterScript = 200;
  private volatile Duration hangFor = Duration.ofSeconds(1);

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("Rafiki-Signature"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  Instant.now()));
          Integer next = script.poll();
          int status = next == null ? afterScript : next;
          if (status == HANG) {
            try {
              Thread.sleep(hangFor.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 200;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(executor);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** The next answers, in order; then {@code 200}. */
  public void answer(Integer... statuses) {
    script.addAll(List.of(statuses));
  }

  /** What to answer once the script is used up. */
  public void answerAfterScript(int status) {
    afterScript = status;
  }

  void hangFor(Duration duration) {
    hangFor = duration;
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Waits until at least {@code count} requests arrived (or 10 s passed); returns them all. */
  public List<Received> awaitAtLeast(int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (received.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    return received();
  }

  public void reset() {
    script.clear();
    received.clear();
    afterScript = 200;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
