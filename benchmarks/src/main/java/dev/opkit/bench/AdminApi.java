package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox admin API calls the benchmark needs (README "Admin API"): wallet addresses, keys,
 * balances, the clock, bulk preload and {@code GET /admin/stats}. Unsigned JSON; thread-safe.
 */
final class AdminApi {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Opens a wallet address on the provider at {@code origin}; returns its URL. */
  String createWallet(
      String origin, String name, String publicName, String assetCode, String balance) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("name", name);
    if (publicName != null) {
      body.put("publicName", publicName);
    }
    body.put("assetCode", assetCode);
    body.put("assetScale", 2);
    body.put("balance", balance);
    return call("POST", origin + "/admin/wallet-addresses", body, 201).get("id").asText();
  }

  /** Registers a client key on a wallet address's {@code jwks.json}. */
  void addKey(String origin, String wallet, Jwk jwk) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("jwk", Json.toTree(jwk));
    call("POST", origin + "/admin/wallet-addresses/" + wallet + "/keys", body, 201);
  }

  /** The sandbox clock. */
  Instant clock(String origin) {
    return Instant.parse(call("GET", origin + "/admin/clock", null, 200).get("now").asText());
  }

  /** {@code POST /admin/preload}; returns its answer. */
  JsonNode preload(String origin, ObjectNode body) {
    return call("POST", origin + "/admin/preload", body, 201);
  }

  /** {@code GET /admin/stats}, after a full garbage collection when {@code collect}. */
  JsonNode stats(String origin, boolean collect) {
    return call("GET", origin + "/admin/stats?gc=" + collect, null, 200);
  }

  private JsonNode call(String method, String url, JsonNode body, int expected) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new JourneyFailure(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JourneyFailure(method + " " + url + " was interrupted", e);
    }
    if (response.statusCode() != expected) {
      throw new JourneyFailure(
          method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.read(response.body(), JsonNode.class);
  }
}
