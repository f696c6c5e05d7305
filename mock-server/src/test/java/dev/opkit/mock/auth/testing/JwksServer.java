package dev.opkit.mock.auth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client's wallet address outside the sandbox, on loopback: it serves {@code /app} (the wallet
 * address document) and {@code /app/jwks.json}, and can be made slow or made to answer garbage.
 */
public final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicReference<String> jwks = new AtomicReference<>("{\"keys\":[]}");
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  private final AtomicInteger keyFetches = new AtomicInteger();

  public JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/app", this::handle);
    server.start();
  }

  /** The wallet address URL, e.g. {@code http://127.0.0.1:40123/app}. */
  public String walletAddress() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/app";
  }

  /** What {@code /app/jwks.json} answers from now on. */
  public void serveKeys(String document) {
    jwks.set(document);
  }

  /** Makes every answer wait this long first. */
  public void delay(Duration wait) {
    delay.set(wait);
  }

  /** How often {@code jwks.json} was asked for. */
  public int keyFetches() {
    return keyFetches.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Thread.sleep(delay.get().toMillis());
      String path = exchange.getRequestURI().getPath();
      String body;
      if (path.equals("/app/jwks.json")) {
        keyFetches.incrementAndGet();
        body = jwks.get();
      } else if (path.equals("/app")) {
        body =
            "{\"id\":\"%s\",\"publicName\":\"Outside app\",\"assetCode\":\"USD\",\"assetScale\":2,"
                    .formatted(walletAddress())
                + "\"authServer\":\"https://auth.example\",\"resourceServer\":\"https://rs.example\"}";
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The sandbox gave up waiting and closed the connection: nothing to answer.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
