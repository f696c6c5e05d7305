package dev.opkit.mock.auth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client's wallet address outside the sandbox, on loopback: it serves {@code /app} (the wallet
 * address document) and {@code /app/jwks.json}, and can be made slow, made to answer garbage, or
 * made to answer a body larger than anyone should read.
 */
public final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicReference<String> jwks = new AtomicReference<>("{\"keys\":[]}");
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  private final AtomicInteger keyFetches = new AtomicInteger();
  private final AtomicLong largeBody = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();

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

  /**
   * From now on {@code jwks.json} answers this many bytes of a JSON string, in 64 KiB chunks, with
   * no {@code Content-Length} (so only reading tells the size), counting what it sends.
   */
  public void serveLargeKeys(long bytes) {
    largeBody.set(bytes);
  }

  /** How many bytes of large bodies the readers took before they hung up. */
  public long largeBytesSent() {
    return bytesSent.get();
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
        if (largeBody.get() > 0) {
          sendLarge(exchange, largeBody.get());
          return;
        }
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

  private void sendLarge(HttpExchange exchange, long size) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    try (OutputStream out = exchange.getResponseBody()) {
      out.write('"');
      for (long sent = 0; sent < size; sent += chunk.length) {
        out.write(chunk);
        bytesSent.addAndGet(chunk.length);
      }
      out.write('"');
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
