package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opkit.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** JSON over HTTP to one admin base URL, with the bearer token when there is one. */
final class AdminHttp {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper MAPPER = Json.mapper();

  private final HttpClient http;
  private final String base;
  private final String token;
  private final Duration timeout;

  AdminHttp(HttpClient http, String base, String token, Duration timeout) {
    this.http = http;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
    this.timeout = timeout;
  }

  String base() {
    return base;
  }

  String token() {
    return token;
  }

  AdminHttp at(String otherBase, String otherToken) {
    return new AdminHttp(http, otherBase, otherToken, timeout);
  }

  AdminHttp withTimeout(Duration newTimeout) {
    return new AdminHttp(http, base, token, newTimeout);
  }

  JsonNode get(String path) {
    return send("GET", path, null).orElseThrow();
  }

  <T> T get(String path, Class<T> type) {
    return convert(get(path), type);
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, body).orElse(MAPPER.createObjectNode());
  }

  <T> T post(String path, Object body, Class<T> type) {
    return convert(post(path, body), type);
  }

  void delete(String path) {
    send("DELETE", path, null);
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the admin API answered " + node + ", which is no " + type.getSimpleName(), e);
    }
  }

  private Optional<JsonNode> send(String method, String path, Object body) {
    String url = base + path;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null && !method.equals("POST")) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      // The admin API takes JSON only, so a body-less POST still says so and sends {}.
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  Json.write(body == null ? MAPPER.createObjectNode() : body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + url + " was interrupted", e);
    }
    String text = response.body();
    if (response.statusCode() / 100 != 2) {
      throw failure(method, url, response.statusCode(), text);
    }
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(method + " " + url + " answered no JSON: " + text, e);
    }
  }

  private static SandboxAdminException failure(String method, String url, int status, String text) {
    String code = null;
    String description = null;
    try {
      JsonNode error = MAPPER.readTree(text).path("error");
      if (error.isObject()) {
        code = error.path("code").asText(null);
        description = error.path("description").asText(null);
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Not JSON: the exception carries the raw body.
    }
    return new SandboxAdminException(method, url, status, code, description, text);
  }
}
