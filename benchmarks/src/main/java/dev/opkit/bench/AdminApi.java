package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SandboxAdminException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The sandbox admin API calls the benchmark needs (README "Admin API"): wallet addresses, keys,
 * balances, the clock, bulk preload and {@code GET /admin/stats}, on the typed admin client; a
 * failure is a {@link JourneyFailure}. Thread-safe.
 */
final class AdminApi {
  // Bulk preload of a million payments takes minutes.
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private SandboxAdmin at(String origin) {
    return SandboxAdmin.connect(http, origin + "/admin", null).withTimeout(TIMEOUT);
  }

  /** Opens a wallet address on the provider at {@code origin}; returns its URL. */
  String createWallet(
      String origin, String name, String publicName, String assetCode, String balance) {
    return call(
        () ->
            at(origin)
                .createWallet(
                    new NewWallet(name, publicName, assetCode, 2, new BigInteger(balance)))
                .id());
  }

  /** Registers a client key on a wallet address's {@code jwks.json}. */
  void addKey(String origin, String wallet, Jwk jwk) {
    call(() -> at(origin).addKey(wallet, jwk));
  }

  /** The sandbox clock. */
  Instant clock(String origin) {
    return call(() -> at(origin).now());
  }

  /** {@code POST /admin/preload}; returns its answer. */
  JsonNode preload(String origin, ObjectNode body) {
    return call(() -> at(origin).preload(body));
  }

  /** {@code GET /admin/stats}, after a full garbage collection when {@code collect}. */
  JsonNode stats(String origin, boolean collect) {
    return call(() -> at(origin).stats(collect));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (SandboxAdminException | UncheckedIOException | IllegalStateException e) {
      throw new JourneyFailure(e.getMessage(), e);
    }
  }
}
