package dev.opkit.conformance.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's admin API over HTTP, as the README documents it: wallets and keys, balances, forced
 * failures, the clock and sessions. Works the same for a sandbox started in-process and one started
 * with {@code ./sandbox}, for its default session and for a session of its own ({@link
 * #openSession}). Thread-safe.
 */
public final class SandboxAdmin {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_SESSION_NAME = 100;

  private final List<String> providers;
  private final List<String> admins;
  private final String secret;
  private final HttpClient http;
  private final String session;

  /**
   * @param providers each provider's public base URL, e.g. {@code http://localhost:4000}
   * @param secret the admin API's bearer secret, or null when it has none
   */
  public SandboxAdmin(List<String> providers, String secret) {
    this(
        checked(providers),
        checked(providers).stream().map(p -> p + "/admin").toList(),
        secret,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build(),
        null);
  }

  private SandboxAdmin(
      List<String> providers, List<String> admins, String secret, HttpClient http, String session) {
    this.providers = List.copyOf(providers);
    this.admins = List.copyOf(admins);
    this.secret = secret;
    this.http = http;
    this.session = session;
  }

  private static List<String> checked(List<String> providers) {
    if (providers.isEmpty()) {
      throw new KitSetupException("a sandbox target needs at least one provider URL");
    }
    return providers.stream().map(SandboxAdmin::withoutTrailingSlash).toList();
  }

  /**
   * Makes a session of the sandbox (an isolated sandbox of its own clock, wallets and grants, with
   * no wallets to start with) and returns its admin API; {@link #discardSession} deletes it.
   *
   * @param name a name for people, e.g. the scenario's
   * @throws IllegalStateException when the sandbox refuses, e.g. at its limit of sessions
   */
  public SandboxAdmin openSession(String name) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("name", name.length() > MAX_SESSION_NAME ? name.substring(0, MAX_SESSION_NAME) : name);
    body.putArray("ases");
    JsonNode made = call("POST", admins.get(0) + "/sessions", body);
    List<String> bases = new ArrayList<>();
    List<String> adminUrls = new ArrayList<>();
    for (String provider : providers) {
      JsonNode match = null;
      for (JsonNode candidate : made.path("providers")) {
        if (candidate.path("resourceServer").asText().startsWith(provider + "/")) {
          match = candidate;
        }
      }
      if (match == null) {
        throw new IllegalStateException(
            "the sandbox's new session names no URLs under " + provider + ": " + made);
      }
      bases.add(match.path("resourceServer").asText());
      adminUrls.add(match.path("admin").asText());
    }
    return new SandboxAdmin(bases, adminUrls, secret, http, made.path("id").asText());
  }

  /** Deletes the session this admin API is of (see {@link #openSession}). */
  public void discardSession() {
    if (session == null) {
      throw new IllegalStateException("the default session cannot be discarded");
    }
    String origin = admins.get(0).substring(0, admins.get(0).indexOf("/admin/sessions/"));
    call("DELETE", origin + "/admin/sessions/" + session, null);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The providers' base URLs, in order: where wallet addresses start (in a session, the origin and
   * the session's segment).
   */
  public List<String> providers() {
    return providers;
  }

  /**
   * Checks that every provider answers its admin API.
   *
   * @throws KitSetupException saying which provider does not and what to do
   */
  public void requireReachable() {
    for (String provider : providers) {
      HttpResponse<String> answer;
      try {
        answer = send("GET", provider + "/admin", null);
      } catch (IllegalStateException e) {
        throw new KitSetupException(
            "no sandbox answers at "
                + provider
                + " ("
                + e.getMessage()
                + "). Start one with ./sandbox, or point "
                + KitSettings.SANDBOX_URLS
                + " at the providers of a running sandbox");
      }
      if (answer.statusCode() == 401) {
        throw new KitSetupException(
            "the admin API at "
                + provider
                + "/admin needs a secret; set "
                + KitSettings.ADMIN_SECRET
                + " to the sandbox's admin secret");
      }
      if (answer.statusCode() != 200 || !answer.body().contains("walletAddresses")) {
        throw new KitSetupException(
            provider
                + "/admin answered "
                + answer.statusCode()
                + " instead of the sandbox's admin index; is "
                + provider
                + " this project's sandbox, with its admin API enabled?");
      }
    }
  }

  /**
   * Opens a wallet address on a provider.
   *
   * @param provider the provider's index in {@link #providers()}
   * @param publicName the name shown on consent pages, or null
   * @return the wallet address URL
   */
  public String createWallet(
      int provider,
      String name,
      String publicName,
      String assetCode,
      int assetScale,
      BigInteger balance) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("name", name);
    if (publicName != null) {
      body.put("publicName", publicName);
    }
    body.put("assetCode", assetCode);
    body.put("assetScale", assetScale);
    body.put("balance", balance.toString());
    return call("POST", admins.get(provider) + "/wallet-addresses", body).path("id").asText();
  }

  /** Registers a public key on a wallet address's {@code jwks.json}. */
  public void addKey(String walletAddress, Jwk jwk) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("jwk", Json.toTree(jwk));
    call("POST", adminUrlOf(walletAddress) + "/keys", body);
  }

  /** The wallet's available balance, in its asset's smallest unit. */
  public BigInteger balance(String walletAddress) {
    return new BigInteger(
        call("GET", adminUrlOf(walletAddress), null).at("/balance/value").asText());
  }

  /** Sets the wallet's available balance, in its asset's smallest unit. */
  public void setBalance(String walletAddress, BigInteger value) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("value", value.toString());
    call("POST", adminUrlOf(walletAddress) + "/balance", body);
  }

  /** Makes the wallet's next {@code count} outgoing payments fail. */
  public void failNextPayments(String walletAddress, int count) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("count", count);
    call("POST", adminUrlOf(walletAddress) + "/failures", body);
  }

  /** The sandbox clock's time. */
  public Instant now() {
    return Instant.parse(call("GET", admins.get(0) + "/clock", null).path("now").asText());
  }

  /** Moves the sandbox clock forward; returns the new time. */
  public Instant advance(Duration duration) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("advance", duration.toString());
    return Instant.parse(call("POST", admins.get(0) + "/clock", body).path("now").asText());
  }

  /** Sets the sandbox clock; returns the new time. */
  public Instant setNow(Instant now) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("now", now.toString());
    return Instant.parse(call("POST", admins.get(0) + "/clock", body).path("now").asText());
  }

  private String adminUrlOf(String walletAddress) {
    for (int i = 0; i < providers.size(); i++) {
      String provider = providers.get(i);
      if (walletAddress.startsWith(provider + "/")) {
        return admins.get(i)
            + "/wallet-addresses/"
            + walletAddress.substring(provider.length() + 1);
      }
    }
    throw new IllegalArgumentException(
        walletAddress + " is not a wallet address of this sandbox's providers " + providers);
  }

  private JsonNode call(String method, String url, JsonNode body) {
    HttpResponse<String> answer = send(method, url, body == null ? null : Json.write(body));
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "the sandbox's admin API answered "
              + method
              + " "
              + url
              + " with "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return answer.body().isEmpty()
        ? Json.mapper().createObjectNode()
        : Json.read(answer.body(), JsonNode.class);
  }

  private HttpResponse<String> send(String method, String url, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    Optional.ofNullable(secret).ifPresent(s -> request.header("Authorization", "Bearer " + s));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException("connection refused", e);
    } catch (IOException e) {
      throw new IllegalStateException(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + url, e);
    }
  }
}
