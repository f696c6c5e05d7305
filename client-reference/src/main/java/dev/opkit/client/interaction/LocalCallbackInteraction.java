package dev.opkit.client.interaction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opkit.protocol.gnap.FinishUri;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Consent in the user's browser, as the guide does it (steps 7–8): listens on the finish URI
 * (default {@code http://localhost:3344}), prints the consent URL and opens it in a browser when it
 * can, waits for the authorization server to send the user back, verifies the finish {@code hash},
 * and answers the browser with a short page saying what happened. Handles rejection and time-out.
 */
public final class LocalCallbackInteraction implements InteractionHandler {
  /** The finish URI the guide uses. */
  public static final String DEFAULT_FINISH_URI = "http://localhost:3344";

  private final URI finishUri;
  private final Duration timeout;
  private final Consumer<String> out;
  private final BrowserOpener browser;

  /**
   * @param finishUri an {@code http} URI on this machine to listen on, e.g. {@code
   *     http://localhost:3344}
   * @param timeout how long to wait for the user to come back
   * @param out where to print the consent URL and progress, one line each
   * @param browser how to open the consent URL
   */
  public LocalCallbackInteraction(
      String finishUri, Duration timeout, Consumer<String> out, BrowserOpener browser) {
    Objects.requireNonNull(finishUri, "finishUri");
    problem(finishUri)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    this.finishUri = URI.create(finishUri);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.out = Objects.requireNonNull(out, "out");
    this.browser = Objects.requireNonNull(browser, "browser");
  }

  /**
   * Why this handler cannot listen on {@code finishUri}, or empty when it can: it must follow the
   * protocol's rule ({@link FinishUri}) and be plain {@code http}, which is what it serves.
   */
  public static Optional<String> problem(String finishUri) {
    Optional<String> problem = FinishUri.problem(finishUri);
    if (problem.isEmpty() && !finishUri.regionMatches(true, 0, "http:", 0, 5)) {
      problem = Optional.of("this client listens on plain http");
    }
    return problem.map(
        why ->
            "the finish URI must be an http URL on this machine's loopback interface without a"
                + " fragment, e.g. "
                + DEFAULT_FINISH_URI
                + "; got "
                + finishUri
                + ": "
                + why);
  }

  @Override
  public String finishUri() {
    return finishUri.toString();
  }

  /**
   * Checks now that the finish URI's port can be listened on, so a busy port is reported before a
   * grant is requested rather than after.
   *
   * @throws UncheckedIOException naming the port when it is taken
   */
  public LocalCallbackInteraction requireListenable() {
    int port = port();
    try (ServerSocket probe = new ServerSocket()) {
      // As the JDK's HTTP server binds on Linux: with SO_REUSEADDR, so connections of an earlier
      // consent still in TIME_WAIT do not make the port look busy; a live listener still does.
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(finishUri.getHost(), port));
    } catch (IOException e) {
      throw cannotListen(port, e);
    }
    return this;
  }

  @Override
  public InteractionResult interact(Interaction interaction) {
    CompletableFuture<InteractionResult> finished = new CompletableFuture<>();
    HttpServer server = listen(interaction, finished);
    try {
      out.accept("Approve the payment in your browser: " + interaction.redirect());
      if (browser.open(URI.create(interaction.redirect()))) {
        out.accept("Opened the consent page in your browser.");
      }
      out.accept(
          "Waiting up to "
              + timeout.toSeconds()
              + " s for the wallet to send you back to "
              + finishUri
              + " …");
      return finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new InteractionResult.TimedOut(timeout.toSeconds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new InteractionResult.TimedOut(0);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the finish callback failed", e.getCause());
    } finally {
      server.stop(0);
    }
  }

  private HttpServer listen(Interaction interaction, CompletableFuture<InteractionResult> done) {
    HttpServer server = bind();
    server.createContext("/", exchange -> answer(exchange, interaction, done));
    server.start();
    return server;
  }

  private HttpServer bind() {
    int port = port();
    try {
      return HttpServer.create(new InetSocketAddress(finishUri.getHost(), port), 0);
    } catch (IOException e) {
      throw cannotListen(port, e);
    }
  }

  private int port() {
    return finishUri.getPort() < 0 ? 80 : finishUri.getPort();
  }

  private UncheckedIOException cannotListen(int port, IOException e) {
    return new UncheckedIOException(
        "cannot listen on "
            + finishUri
            + " for the finish redirect ("
            + e.getMessage()
            + "); is another program using port "
            + port
            + "? Choose another finish URI.",
        e);
  }

  private void answer(
      HttpExchange exchange, Interaction interaction, CompletableFuture<InteractionResult> done)
      throws IOException {
    String expectedPath = finishUri.getPath().isEmpty() ? "/" : finishUri.getPath();
    if (!"GET".equals(exchange.getRequestMethod())
        || !expectedPath.equals(exchange.getRequestURI().getPath())
        || done.isDone()) {
      respond(exchange, 404, "Not here", "This address only receives the wallet's redirect.");
      return;
    }
    InteractionResult result = FinishRedirect.fromQuery(exchange.getRequestURI().getRawQuery());
    if (result instanceof InteractionResult.Approved approved) {
      if (interaction.hashMatches(approved.interactRef(), approved.hash())) {
        respond(exchange, 200, "Payment approved", "You can close this window.");
      } else {
        respond(
            exchange,
            400,
            "Could not confirm the approval",
            "The redirect's hash does not match this request, so it is not used.");
      }
    } else if (result instanceof InteractionResult.Refused refused) {
      respond(exchange, 200, "Payment not approved", refused.describe());
    }
    done.complete(result);
  }

  private static void respond(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
            + escape(title)
            + "</title></head><body><h1>"
            + escape(title)
            + "</h1><p>"
            + escape(text)
            + "</p></body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(body);
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
