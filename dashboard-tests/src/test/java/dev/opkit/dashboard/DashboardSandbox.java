package dev.opkit.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.Pause;
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
 * The sandbox the dashboard runs on: in-process on free loopback ports once per test class, reset
 * before each test, with the admin API calls and the Open Payments client a developer uses beside
 * the dashboard.
 */
final class DashboardSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  static final String CLIENT = "my-app";
  static final String KEY_ID = "my-key";

  private final HttpClient http = HttpClient.newHttpClient();
  private final UnaryOperator<SandboxConfig> customise;
  private final String adminSecret;
  private Sandbox sandbox;

  DashboardSandbox() {
    this(UnaryOperator.identity(), null);
  }

  /**
   * @param adminSecret the secret the configuration sets, for this fixture's own admin calls
   */
  DashboardSandbox(UnaryOperator<SandboxConfig> customise, String adminSecret) {
    this.customise = customise;
    this.adminSecret = adminSecret;
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

  Sandbox sandbox() {
    return sandbox;
  }

  /** A provider's origin, e.g. {@code http://localhost:41234}: where its dashboard is. */
  String base(String ase) {
    return sandbox.ase(ase).publicBase();
  }

  String wallet(String ase, String name) {
    return sandbox.ase(ase).walletUrl(name);
  }

  /**
   * Opens the client's wallet address on ase1 (with the public name consent pages show) and
   * registers the public key of {@code key} on it, as a developer does once.
   */
  OpenPaymentsClient registerClient(Ed25519KeyPair key) {
    Map<String, Object> wallet = new LinkedHashMap<>();
    wallet.put("name", CLIENT);
    wallet.put("publicName", "My app");
    wallet.put("assetCode", "USD");
    wallet.put("assetScale", 2);
    admin("ase1", "POST", "/wallet-addresses", Json.write(wallet));
    admin(
        "ase1",
        "POST",
        "/wallet-addresses/" + CLIENT + "/keys",
        "{\"jwk\":" + Json.write(key.toJwk(KEY_ID)) + "}");
    return client(key);
  }

  /** A client that signs as the registered client wallet address with {@code key}. */
  OpenPaymentsClient client(Ed25519KeyPair key) {
    return OpenPaymentsClient.create(
        new ClientIdentity(wallet("ase1", CLIENT), key, KEY_ID),
        ClientOptions.defaults().withResponseValidation(false));
  }

  /** Waits for {@code continue.wait} by moving the sandbox clock instead of sleeping. */
  Pause clockPause() {
    return duration -> {
      sandbox.clock().advance(duration);
      sandbox.clockMoved();
    };
  }

  /** Calls a provider's admin API; the JSON answer, or a failure naming the status and body. */
  JsonNode admin(String ase, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.ase(ase).adminUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json");
    if (adminSecret != null) {
      request.header("Authorization", "Bearer " + adminSecret);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = send(request.build());
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
    try {
      return response.body().isEmpty()
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a request as it is, e.g. one a client forgot to sign. */
  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
