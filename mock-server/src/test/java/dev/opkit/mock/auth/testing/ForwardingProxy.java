package dev.opkit.mock.auth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy on loopback that forwards every {@code GET} to one origin with that origin's own
 * {@code Host}, as a proxy in front of the sandbox does: the sandbox answers it without knowing the
 * proxy's name.
 */
public final class ForwardingProxy implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String target;
  private final AtomicInteger forwarded = new AtomicInteger();

  /** A proxy for {@code target}, an origin such as {@code http://localhost:41234}. */
  public ForwardingProxy(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The proxy's origin, e.g. {@code http://127.0.0.1:40123}. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many requests it forwarded. */
  public int forwarded() {
    return forwarded.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      forwarded.incrementAndGet();
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI())).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      byte[] body = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
