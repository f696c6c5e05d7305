package dev.opkit.mock.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.keys.KeyFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches documents a client publishes at its wallet address over HTTP (wallet-address-server spec:
 * {@code get-wallet-address-keys}, {@code get-wallet-address}), with a connect time-out, a read
 * deadline and a cap on the bytes read, so that a slow, dead or endless server can neither hold a
 * request for long nor fill the sandbox's memory.
 */
public final class JwksFetcher {
  /** The most bytes read of one document: a key set of a few hundred keys. */
  public static final int MAX_BYTES = 64 * 1024;

  private final Duration timeout;
  private HttpClient http;

  public JwksFetcher(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * The HTTP client, built on first use: the first {@link HttpClient} of a JVM sets up TLS, which
   * took a quarter of a second, too much to spend before the sandbox is ready.
   */
  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return http;
  }

  /**
   * {@code GET {url}} as JSON.
   *
   * @throws ClientKeysUnavailable when it cannot be fetched in time, answers other than 200, or is
   *     not JSON
   */
  public JsonNode getJson(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ClientKeysUnavailable("'" + url + "' is not a URL: " + e.getMessage(), e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new ClientKeysUnavailable("'" + url + "' is not an http(s) URL");
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        http().sendAsync(request, CappedBody.handler(MAX_BYTES));
    HttpResponse<byte[]> response;
    try {
      // The request time-out covers the wait for headers; this deadline also bounds the body.
      response = pending.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new ClientKeysUnavailable(
          "GET " + url + " gave no complete answer within " + seconds(timeout.multipliedBy(2)), e);
    } catch (ExecutionException e) {
      throw new ClientKeysUnavailable("GET " + url + " failed: " + describe(e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientKeysUnavailable("GET " + url + " was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new ClientKeysUnavailable(
          "GET " + url + " answered HTTP " + response.statusCode() + " instead of 200");
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new ClientKeysUnavailable("GET " + url + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  /**
   * {@code GET {url}} as a JWK set: an object whose {@code keys} is an array of JWK objects.
   *
   * @throws ClientKeysUnavailable as {@link #getJson}, or when the JSON is not a JWK set
   */
  public JwkSet getJwks(String url) {
    return parseJwks(url, getJson(url));
  }

  /**
   * Reads a JWK set document, refusing anything that is not one with a message naming the part, and
   * a set that lists any key other than an Open Payments Ed25519 key (as deployed wallets refuse
   * it, even when the signing key is a good one).
   */
  static JwkSet parseJwks(String url, JsonNode document) {
    JsonNode keys = document == null ? null : document.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new ClientKeysUnavailable(
          url + " is not a JWK set: expected {\"keys\": [...]}, got " + abbreviate(document));
    }
    List<Jwk> jwks = new ArrayList<>();
    for (JsonNode key : keys) {
      if (!key.isObject()) {
        throw new ClientKeysUnavailable(
            url + " is not a JWK set: a member of \"keys\" is " + abbreviate(key) + ", not a JWK");
      }
      try {
        jwks.add(Json.mapper().treeToValue(key, Jwk.class));
      } catch (IOException | IllegalArgumentException e) {
        throw new ClientKeysUnavailable(
            url + " lists a key that is not a JWK: " + abbreviate(key), e);
      }
    }
    JwkSet set = new JwkSet(jwks);
    try {
      set.requireOpenPaymentsKeys();
    } catch (KeyFormatException e) {
      throw new ClientKeysUnavailable(
          url
              + " lists a key that is not an Open Payments (Ed25519) JWK, so the whole set is"
              + " refused, as deployed wallets refuse it: "
              + e.getMessage(),
          e);
    }
    return set;
  }

  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private String describe(Throwable cause) {
    if (cause instanceof java.net.http.HttpConnectTimeoutException) {
      return "could not connect within " + seconds(timeout);
    }
    if (cause instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + seconds(timeout);
    }
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof CappedBody.BodyTooLong tooLong) {
        return tooLong.getMessage();
      }
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused (is the server running?)";
    }
    String message = cause == null ? null : cause.getMessage();
    return cause == null
        ? "unknown error"
        : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
