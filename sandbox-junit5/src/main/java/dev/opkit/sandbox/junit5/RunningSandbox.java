package dev.opkit.sandbox.junit5;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.net.http.HttpClient;

/** One in-process sandbox on free loopback ports, stopped when its JUnit store closes. */
final class RunningSandbox implements AutoCloseable {
  private static final String FIRST_PROVIDER = "ase1";

  private final Sandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SandboxAdmin admin;

  private RunningSandbox(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.admin = SandboxAdmin.connect(http, sandbox.ase(FIRST_PROVIDER).adminUrl(), null);
  }

  static RunningSandbox start() {
    return new RunningSandbox(Sandbox.create(SandboxConfig.defaults().ephemeral()).start());
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
