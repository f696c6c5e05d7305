package dev.opkit.conformance.consent;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opkit.client.interaction.FinishRedirect;
import dev.opkit.client.interaction.InteractionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where wallets send the user back after consent (RFC 9635 §4.2.1), shared by every consent of a
 * run, so that several can wait at once: one listener on the configured finish URI's port, and for
 * each consent a finish URI of its own under it ({@code http://localhost:3344/opkit-…}) that
 * completes that consent. The browser gets a short page saying the kit has the answer.
 */
public final class FinishListener implements AutoCloseable {
  private static final String PAGE = "/consent/finish.mustache";
  private static final Template TEMPLATE = template();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI base;
  private final HttpServer server;
  private final Map<String, Expected> waiting = new ConcurrentHashMap<>();

  private FinishListener(URI base, HttpServer server) {
    this.base = base;
    this.server = server;
  }

  /**
   * Listens on the finish URI's host and port.
   *
   * @param finishUri an {@code http} URI on this machine, e.g. {@code http://localhost:3344}
   * @throws IllegalArgumentException when it is not such a URI
   * @throws UncheckedIOException naming the port when it cannot be listened on
   */
  public static FinishListener open(String finishUri) {
    URI base = URI.create(finishUri);
    if (!"http".equalsIgnoreCase(base.getScheme())
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the finish URI must be an http URL on this machine without query or fragment, e.g."
              + " http://localhost:3344; got "
              + finishUri);
    }
    int port = base.getPort() < 0 ? 80 : base.getPort();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(base.getHost(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + finishUri
              + " for the wallet's finish redirect ("
              + e.getMessage()
              + "): another program may be using port "
              + port,
          e);
    }
    FinishListener listener = new FinishListener(base, server);
    server.createContext("/", listener::handle);
    server.start();
    return listener;
  }

  /** A new finish URI under this listener, and the redirect that will arrive there. */
  public Expected expect() {
    byte[] token = new byte[12];
    RANDOM.nextBytes(token);
    String path =
        stripTrailingSlash(base.getRawPath()) + "/opkit-" + HexFormat.of().formatHex(token);
    Expected expected = new Expected(path, base.resolve(path).toString());
    waiting.put(path, expected);
    return expected;
  }

  private static String stripTrailingSlash(String path) {
    return path == null || path.isEmpty() || path.equals("/")
        ? ""
        : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Expected expected = waiting.get(exchange.getRequestURI().getRawPath());
      if (!"GET".equals(exchange.getRequestMethod()) || expected == null) {
        respond(
            exchange,
            404,
            "Not here",
            "This address only receives a wallet's redirect after a consent the conformance kit"
                + " asked for.");
        return;
      }
      InteractionResult result = FinishRedirect.fromQuery(exchange.getRequestURI().getRawQuery());
      boolean first = expected.result.complete(result);
      respond(
          exchange,
          200,
          first ? "The conformance kit has the wallet's answer" : "Already answered",
          first
              ? (result instanceof InteractionResult.Approved
                  ? "The wallet approved the grant. You can close this window."
                  : "The wallet did not approve the grant. You can close this window.")
              : "This consent was answered before; you can close this window.");
    }
  }

  private static void respond(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    byte[] body =
        TEMPLATE.execute(Map.of("title", title, "text", text)).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Template template() {
    InputStream in = FinishListener.class.getResourceAsStream(PAGE);
    if (in == null) {
      throw new IllegalStateException("template " + PAGE + " is missing");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(true).compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PAGE, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    waiting.values().forEach(e -> e.result.cancel(false));
  }

  /** One consent's finish URI and the redirect expected there. */
  public final class Expected {
    private final String path;
    private final String uri;
    private final CompletableFuture<InteractionResult> result = new CompletableFuture<>();

    private Expected(String path, String uri) {
      this.path = path;
      this.uri = uri;
    }

    /** The finish URI to give the wallet. */
    public String uri() {
      return uri;
    }

    /** Completes this consent with a redirect that reached the kit another way (a command). */
    public boolean complete(InteractionResult redirect) {
      return result.complete(redirect);
    }

    /** Fails this consent: it cannot be answered. */
    public void fail(ConsentFailure failure) {
      result.completeExceptionally(failure);
    }

    /**
     * Waits for the wallet's redirect.
     *
     * @return the result, or {@link InteractionResult.TimedOut} when none came in time
     * @throws ConsentFailure when the consent failed meanwhile
     */
    public InteractionResult await(Duration timeout) {
      try {
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return new InteractionResult.TimedOut(timeout.toSeconds());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new InteractionResult.TimedOut(0);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ConsentFailure failure) {
          throw failure;
        }
        throw new ConsentFailure("the consent failed: " + e.getCause(), e.getCause());
      } finally {
        waiting.remove(path);
      }
    }
  }
}
