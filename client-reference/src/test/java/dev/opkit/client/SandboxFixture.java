package dev.opkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * This project's sandbox, in-process on free loopback ports, once per test class and reset before
 * each test; with the admin API calls a person makes by hand (a client wallet address with a key,
 * moving the clock), made over HTTP as the README shows them.
 */
public final class SandboxFixture
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  public static final String CLIENT = "client";
  public static final String KEY_ID = "client-key";

  private final HttpClient http = HttpClient.newHttpClient();
  private final UnaryOperator<SandboxConfig> customise;
  private Sandbox sandbox;

  /** The default sandbox: two providers, rafiki profile. */
  public SandboxFixture() {
    this(UnaryOperator.identity());
  }

  /** A sandbox whose ephemeral default configuration is changed first. */
  public SandboxFixture(UnaryOperator<SandboxConfig> customise) {
    this.customise = customise;
  }

  /** A configuration change: the given profile switches on every provider. */
  public static UnaryOperator<SandboxConfig> profileSwitches(Map<String, Object> switches) {
    return config -> config.withProfileOverrides(switches);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = Sandbox.create(customise.apply(SandboxConfig.defaults().ephemeral())).start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sandbox.stop();
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  /** A wallet address URL, e.g. {@code wallet("ase1", "alice")}. */
  public String wallet(String ase, String name) {
    return sandbox.ase(ase).walletUrl(name);
  }

  /** {@code GET /admin/clock}'s URL on a provider. */
  public String clockUrl(String ase) {
    return sandbox.ase(ase).adminUrl() + "/clock";
  }

  /**
   * Creates the client wallet address on ase1 (with the public name interactive grants need) and
   * registers the key's public JWK there: what a developer does once in a real wallet.
   */
  public ClientIdentity registerClient(Ed25519KeyPair key) {
    Map<String, Object> wallet = new LinkedHashMap<>();
    wallet.put("name", CLIENT);
    wallet.put("publicName", "Test client");
    wallet.put("assetCode", "USD");
    wallet.put("assetScale", 2);
    admin("ase1", "POST", "/wallet-addresses", Json.write(wallet));
    admin(
        "ase1",
        "POST",
        "/wallet-addresses/" + CLIENT + "/keys",
        "{\"jwk\":" + Json.write(key.toJwk(KEY_ID)) + "}");
    return new ClientIdentity(wallet("ase1", CLIENT), key, KEY_ID);
  }

  /** A new key registered on a new client wallet address, and a client for it. */
  public OpenPaymentsClient newClient() {
    return OpenPaymentsClient.create(
        registerClient(Ed25519KeyPair.generate()), ClientOptions.defaults());
  }

  /** {@code POST /admin/clock {"advance": …}}: moves the one sandbox clock. */
  public void advanceClock(String isoDuration) {
    admin("ase1", "POST", "/clock", "{\"advance\":\"" + isoDuration + "\"}");
  }

  /** Waits by moving the sandbox clock instead of sleeping, for {@code continue.wait}. */
  public Pause clockPause() {
    return duration -> {
      sandbox.clock().advance(duration);
      sandbox.clockMoved();
    };
  }

  /** A wallet's balance in smallest units, from {@code GET /admin/wallet-addresses/{name}}. */
  public long balance(String ase, String name) {
    return admin(ase, "GET", "/wallet-addresses/" + name, null).at("/balance/value").asLong();
  }

  /** Calls the admin API of a provider and returns the JSON answer; fails on an error status. */
  public JsonNode admin(String ase, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.ase(ase).adminUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "admin "
                + method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body().isEmpty()
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
