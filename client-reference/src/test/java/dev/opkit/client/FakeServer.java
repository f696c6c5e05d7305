package dev.opkit.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.signature.HttpMessage;
import dev.opkit.protocol.signature.SignatureVerifier;
import dev.opkit.protocol.signature.VerificationResult;
import dev.opkit.protocol.signature.VerifierPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small HTTP server that answers canned responses by method and path, records every request it
 * receives, and verifies each request's signature with the protocol verifier against one known
 * client key: a test double for wallet, auth and resource servers.
 */
public final class FakeServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY the JDK server's small writes wait on delayed ACKs: ~40 ms a request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** A canned answer. */
  public record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
    public static Reply json(int status, String body) {
      return new Reply(status, body, Map.of("Content-Type", "application/json"), 0);
    }

    public static Reply empty(int status) {
      return new Reply(status, "", Map.of(), 0);
    }

    public Reply delayed(long millis) {
      return new Reply(status, body, headers, millis);
    }
  }

  /** A request as received, with the outcome of verifying its signature (null when unsigned). */
  public record Received(
      String method,
      String url,
      Map<String, String> headers,
      String body,
      VerificationResult verification) {
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean signed() {
      return verification != null;
    }
  }

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private volatile Function<Received, Optional<Reply>> router = request -> Optional.empty();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Ed25519PublicKey clientKey;
  private final String clientKeyId;
  private final Clock clock;
  private final SignatureVerifier verifier = new SignatureVerifier(VerifierPolicy.defaults());

  public FakeServer(Ed25519PublicKey clientKey, String clientKeyId, Clock clock) {
    this.clientKey = clientKey;
    this.clientKeyId = clientKeyId;
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** An absolute URL on this server. */
  public String url(String path) {
    return origin() + path;
  }

  /** Answers {@code method path} (path without query) with {@code reply}. */
  public FakeServer on(String method, String path, Reply reply) {
    replies.put(method + " " + path, reply);
    return this;
  }

  /** Answers requests with {@code route} first; static replies cover what it leaves empty. */
  public FakeServer route(Function<Received, Optional<Reply>> route) {
    this.router = route;
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last() {
    return received.get(received.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
    String url = "http://" + headers.get("host") + exchange.getRequestURI().toString();
    HttpMessage message = new HttpMessage(exchange.getRequestMethod(), url, headers, body);
    VerificationResult verification =
        headers.containsKey("signature-input") || headers.containsKey("signature")
            ? verifier.verify(
                message,
                keyId -> keyId.equals(clientKeyId) ? Optional.of(clientKey) : Optional.empty(),
                clock.instant())
            : null;
    Received request =
        new Received(
            exchange.getRequestMethod(),
            url,
            headers,
            new String(body, StandardCharsets.UTF_8),
            verification);
    received.add(request);
    Reply reply =
        router
            .apply(request)
            .orElseGet(
                () ->
                    replies.getOrDefault(
                        exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                        Reply.json(
                            404, "{\"error\":{\"code\":\"404\",\"description\":\"not found\"}}")));
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
