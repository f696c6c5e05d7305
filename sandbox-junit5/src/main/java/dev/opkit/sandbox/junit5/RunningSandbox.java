package dev.opkit.sandbox.junit5;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;

/** One in-process sandbox on free loopback ports, stopped when its JUnit store closes. */
final class RunningSandbox implements AutoCloseable {
  private static final String FIRST_PROVIDER = "ase1";

  private final Sandbox sandbox;
  private final HttpClient http;
  private final SandboxAdmin admin;

  private RunningSandbox(Sandbox sandbox, HttpClient http) {
    this.sandbox = sandbox;
    this.http = http;
    this.admin = SandboxAdmin.connect(http, sandbox.ase(FIRST_PROVIDER).adminUrl(), null);
  }

  static RunningSandbox start() {
    // The first HttpClient of a JVM sets up TLS (a quarter of a second idle, a second under load):
    // built on another thread while the servers start.
    CompletableFuture<HttpClient> http = CompletableFuture.supplyAsync(HttpClient::newHttpClient);
    Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start();
    try {
      return new RunningSandbox(sandbox, http.join());
    } catch (RuntimeException e) {
      sandbox.stop();
      throw e;
    }
  }

  /** The admin API of the first provider: sessions are made there. */
  SandboxAdmin admin() {
    return admin;
  }

  HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    sandbox.stop();
  }
}
