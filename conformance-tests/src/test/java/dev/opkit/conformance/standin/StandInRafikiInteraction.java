package dev.opkit.conformance.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.gnap.HashEncoding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double for a Rafiki auth service's interaction endpoints, answering as Rafiki's {@code
 * packages/auth/src/interaction/routes.ts} does: on the auth origin, {@code GET
 * /interact/{id}/{nonce}} sets the session cookie and redirects to the identity provider's consent
 * URL with {@code interactId} and {@code nonce}, and {@code GET /interact/{id}/{nonce}/finish}
 * checks that cookie and redirects to the finish URI with {@code hash} and {@code interact_ref}
 * (standard base64, as Rafiki) or {@code result=grant_rejected}; on its own port, the identity
 * provider's {@code POST /grant/{id}/{nonce}/accept|reject} checks {@code x-idp-secret} (401 {@code
 * invalid_interaction}) and answers 202.
 */
public final class StandInRafikiInteraction implements AutoCloseable {
  private enum State {
    PENDING,
    APPROVED,
    DENIED
  }

  private record Pending(
      String finishUri, String clientNonce, String grantEndpoint, String session, State state) {
    Pending with(State next) {
      return new Pending(finishUri, clientNonce, grantEndpoint, session, next);
    }
  }

  private final String secret;
  private final HttpServer auth;
  private final HttpServer idp;
  private final Map<String, Pending> interactions = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private StandInRafikiInteraction(String secret, HttpServer auth, HttpServer idp) {
    this.secret = secret;
    this.auth = auth;
    this.idp = idp;
  }

  /** Starts both servers on free loopback ports. */
  public static StandInRafikiInteraction start(String secret) {
    try {
      HttpServer auth = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      HttpServer idp = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      StandInRafikiInteraction standIn = new StandInRafikiInteraction(secret, auth, idp);
      auth.createContext("/interact/", standIn::frontChannel);
      idp.createContext("/grant/", standIn::choice);
      auth.start();
      idp.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The identity-provider API's base URL. */
  public String idpUrl() {
    return "http://localhost:" + idp.getAddress().getPort();
  }

  /** The auth service's base URL. */
  public String authUrl() {
    return "http://localhost:" + auth.getAddress().getPort();
  }

  /** Every request received, as {@code METHOD path [x-idp-secret] [cookie]}, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** A pending interaction of a grant that asked to finish at {@code finishUri}. */
  public Interaction newInteraction(String finishUri, String clientNonce) {
    String id = UUID.randomUUID().toString();
    String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    String grantEndpoint = authUrl() + "/" + UUID.randomUUID();
    interactions.put(
        id + "/" + nonce, new Pending(finishUri, clientNonce, grantEndpoint, null, State.PENDING));
    return new Interaction(
        authUrl()
            + "/interact/"
            + id
            + "/"
            + nonce
            + "?clientName=Kit&clientUri="
            + encode(authUrl()),
        finishUri,
        clientNonce,
        nonce,
        grantEndpoint);
  }

  private void frontChannel(HttpExchange exchange) throws IOException {
    try (exchange) {
      String cookie = exchange.getRequestHeaders().getFirst("Cookie");
      requests.add(
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath()
              + (cookie == null ? "" : " cookie"));
      String[] path = exchange.getRequestURI().getRawPath().split("/");
      // /interact/{id}/{nonce} or /interact/{id}/{nonce}/finish
      if (path.length < 4) {
        respond(exchange, 404, "{\"error\":{\"code\":\"unknown_interaction\"}}");
        return;
      }
      String key = path[2] + "/" + path[3];
      Pending pending = interactions.get(key);
      if (pending == null) {
        respond(exchange, 400, "{\"error\":{\"code\":\"unknown_interaction\"}}");
        return;
      }
      if (path.length == 4) {
        String session = UUID.randomUUID().toString();
        interactions.put(
            key,
            new Pending(
                pending.finishUri(),
                pending.clientNonce(),
                pending.grantEndpoint(),
                session,
                pending.state()));
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "sessionId=" + session + "; path=/; httponly");
        exchange
            .getResponseHeaders()
            .add("Set-Cookie", "sessionId.sig=" + session.hashCode() + "; path=/; httponly");
        redirect(
            exchange,
            "http://idp.example/consent?interactId="
                + path[2]
                + "&nonce="
                + path[3]
                + "&clientName=Kit");
        return;
      }
      if (cookie == null || !cookie.contains("sessionId=" + pending.session())) {
        respond(
            exchange,
            401,
            "{\"error\":{\"code\":\"invalid_request\",\"description\":\"invalid session\"}}");
        return;
      }
      String query;
      switch (pending.state()) {
        case APPROVED -> {
          String ref = UUID.randomUUID().toString();
          String hash =
              new FinishHash(pending.clientNonce(), path[3], ref, pending.grantEndpoint())
                  .encode(HashEncoding.STANDARD_PADDED);
          query = "hash=" + encode(hash) + "&interact_ref=" + ref;
        }
        case DENIED -> query = "result=grant_rejected";
        default -> query = "result=grant_invalid";
      }
      redirect(exchange, pending.finishUri() + "?" + query);
    }
  }

  private void choice(HttpExchange exchange) throws IOException {
    try (exchange) {
      String given = exchange.getRequestHeaders().getFirst("x-idp-secret");
      String cookie = exchange.getRequestHeaders().getFirst("Cookie");
      requests.add(
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath()
              + (given == null ? "" : " secret")
              + (cookie == null ? "" : " cookie"));
      String[] path = exchange.getRequestURI().getRawPath().split("/");
      // /grant/{id}/{nonce}/{choice}
      Pending pending = path.length == 5 ? interactions.get(path[2] + "/" + path[3]) : null;
      if (!"POST".equals(exchange.getRequestMethod()) || pending == null) {
        respond(exchange, 404, "{\"error\":{\"code\":\"unknown_interaction\"}}");
        return;
      }
      if (given == null
          || !MessageDigest.isEqual(
              given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
        respond(
            exchange,
            401,
            "{\"error\":{\"code\":\"invalid_interaction\",\"description\":\"invalid x-idp-secret\"}}");
        return;
      }
      if (pending.state() != State.PENDING) {
        respond(exchange, 400, "{\"error\":{\"code\":\"invalid_interaction\"}}");
        return;
      }
      State next =
          switch (path[4]) {
            case "accept" -> State.APPROVED;
            case "reject" -> State.DENIED;
            default -> null;
          };
      if (next == null) {
        respond(exchange, 400, "{\"error\":{\"code\":\"invalid_request\"}}");
        return;
      }
      interactions.put(path[2] + "/" + path[3], pending.with(next));
      exchange.sendResponseHeaders(202, -1);
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    auth.stop(0);
    idp.stop(0);
  }
}
