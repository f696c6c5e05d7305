package dev.opkit.conformance.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test double standing in front of one provider of an in-process sandbox and answering two kinds
 * of request the way a deployed Rafiki does (PROTOCOL.md §11; Rafiki's {@code
 * OpenAPIValidatorMiddlewareError} handling), everything else forwarded unchanged: a
 * resource-server POST without {@code Signature-Input} gets 400 from request validation (with an
 * error {@code code} of {@code "400"}), and a grant request for an access type the spec does not
 * know gets 400 whose error object has a {@code description} and no {@code code}. The sandbox's
 * public URL is the proxy's, so documents, ids and signatures all name it.
 */
public final class RafikiLikeProxy implements AutoCloseable {
  /** The grant endpoint: {@code /auth}, or a session's {@code /auth/{session}} (the kit's). */
  private static final Pattern GRANT_ENDPOINT = Pattern.compile("/auth(/[0-9a-f-]{36})?");

  private static final Set<String> ACCESS_TYPES =
      Set.of("incoming-payment", "outgoing-payment", "quote");
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile URI upstream;

  private RafikiLikeProxy(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free loopback port; {@link #forwardTo} names the provider behind it. */
  public static RafikiLikeProxy start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      RafikiLikeProxy proxy = new RafikiLikeProxy(server);
      server.createContext("/", proxy::handle);
      server.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The proxy's URL, the provider's public URL. */
  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** The provider's own URL. */
  public void forwardTo(String providerUrl) {
    this.upstream = URI.create(providerUrl);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getRawPath();
      boolean post = "POST".equals(exchange.getRequestMethod());
      if (post
          && path.endsWith("/incoming-payments")
          && exchange.getRequestHeaders().getFirst("Signature-Input") == null) {
        respond(
            exchange,
            400,
            "{\"error\":{\"code\":\"400\",\"description\":\"must have required property"
                + " 'signature-input'\"}}");
        return;
      }
      if (post && GRANT_ENDPOINT.matcher(path).matches() && asksForUnknownAccess(body)) {
        respond(
            exchange,
            400,
            "{\"error\":{\"description\":\"Received error validating OpenAPI request:"
                + " body.access_token.access.0.type must be equal to one of the allowed"
                + " values\"}}");
        return;
      }
      forward(exchange, body);
    }
  }

  private static boolean asksForUnknownAccess(byte[] body) {
    try {
      JsonNode access =
          Json.read(new String(body, StandardCharsets.UTF_8), JsonNode.class)
              .path("access_token")
              .path("access");
      for (JsonNode item : access) {
        if (!ACCESS_TYPES.contains(item.path("type").asText())) {
          return true;
        }
      }
      return false;
    } catch (ProtocolException notJson) {
      return false;
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    URI target =
        upstream.resolve(
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
    }
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    byte[] answerBody = answer.body();
    boolean empty = answerBody.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : answerBody.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answerBody);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
