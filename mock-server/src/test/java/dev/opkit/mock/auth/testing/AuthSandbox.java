package dev.opkit.mock.auth.testing;

import static io.restassured.RestAssured.given;

import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.AseConfig;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.store.postgres.PostgresSettings;
import dev.opkit.mock.store.postgres.PostgresStorage;
import dev.opkit.mock.testing.TcpBalancer;
import dev.opkit.mock.testing.TestStorage;
import dev.opkit.sandbox.admin.AutoConsent;
import dev.opkit.sandbox.admin.SandboxAdmin;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one in-process sandbox with its real auth server on free loopback ports per test class,
 * and resets it before every test.
 */
public final class AuthSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  /** REST Assured as an Open Payments client needs it: exact Content-Type, no redirects. */
  public static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .appendDefaultContentCharsetToContentTypeIfUndefined(false))
          .redirect(RedirectConfig.redirectConfig().followRedirects(false));

  private final UnaryOperator<SandboxConfig> customise;
  private final int nodeCount;
  private final boolean behindBalancers;
  private final List<Sandbox> nodes = new ArrayList<>();
  private final List<TcpBalancer> balancers = new ArrayList<>();
  private final List<List<Integer>> outsidePorts = new ArrayList<>();
  private PostgresSettings database;
  private SandboxConfig nodeConfig;
  private Sandbox sandbox;

  public AuthSandbox() {
    this(UnaryOperator.identity());
  }

  /** A sandbox whose ephemeral default configuration is changed first. */
  public AuthSandbox(UnaryOperator<SandboxConfig> customise) {
    this(customise, 1, false);
  }

  private AuthSandbox(
      UnaryOperator<SandboxConfig> customise, int nodeCount, boolean behindBalancers) {
    this.customise = customise;
    this.nodeCount = nodeCount;
    this.behindBalancers = behindBalancers;
  }

  /**
   * One sandbox on a PostgreSQL schema of its own behind balancers (so its URLs outlive it), that a
   * test can {@link #restart}.
   */
  public static AuthSandbox restartable(UnaryOperator<SandboxConfig> customise) {
    return new AuthSandbox(customise, 1, true);
  }

  /**
   * One sandbox of {@code count} nodes on one PostgreSQL schema, each provider behind a {@link
   * TcpBalancer} whose origin is the provider's public URL on every node; requests take turns
   * unless {@link #pin pinned}. {@link #sandbox()} is the first node.
   */
  public static AuthSandbox nodes(int count) {
    return nodes(count, UnaryOperator.identity());
  }

  /** {@link #nodes(int)} with the ephemeral default configuration changed first. */
  public static AuthSandbox nodes(int count, UnaryOperator<SandboxConfig> customise) {
    return new AuthSandbox(customise, count, true);
  }

  /** How many connections the balancer of {@code ase} sent to each node so far. */
  public List<Integer> connectionsPerNode(String ase) {
    return balancers.get(sandbox.ases().indexOf(sandbox.ase(ase))).connectionsPerNode();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    SandboxConfig config = customise.apply(SandboxConfig.defaults().ephemeral());
    if (!behindBalancers) {
      sandbox = Sandbox.createWith(config, TestStorage.factory()).start();
      nodes.add(sandbox);
      return;
    }
    List<AseConfig> proxied = new ArrayList<>();
    for (AseConfig ase : config.ases()) {
      TcpBalancer balancer = new TcpBalancer();
      balancers.add(balancer);
      proxied.add(ase.withPublicUrl(balancer.origin()));
    }
    nodeConfig = config.withAses(proxied);
    database = TestStorage.freshSchema();
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(Sandbox.createWith(nodeConfig, PostgresStorage.factory(database)).start());
    }
    routeToNodes();
    sandbox = nodes.get(0);
  }

  /**
   * Stops node {@code index} (as SIGTERM does) and starts a new one on the same database and URLs
   * in its place; every request goes to it next.
   */
  public Sandbox restart(int index) {
    nodes.get(index).stop();
    Sandbox started = Sandbox.createWith(nodeConfig, PostgresStorage.factory(database)).start();
    nodes.set(index, started);
    if (index == 0) {
      sandbox = started;
    }
    routeToNodes();
    return started;
  }

  /** The configuration every node runs (the providers' public URLs are the balancers'). */
  public SandboxConfig nodeConfig() {
    return nodeConfig;
  }

  /** Puts a node of another process (same configuration and database) behind the balancers. */
  public void addOutsideNode(List<Integer> ports) {
    outsidePorts.add(List.copyOf(ports));
    routeToNodes();
  }

  /** Takes the outside nodes from behind the balancers. */
  public void removeOutsideNodes() {
    outsidePorts.clear();
    routeToNodes();
  }

  private void routeToNodes() {
    for (int a = 0; a < balancers.size(); a++) {
      List<InetSocketAddress> addresses = new ArrayList<>();
      for (Sandbox node : nodes) {
        Ase ase = node.ases().get(a);
        addresses.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), node.port(ase)));
      }
      for (List<Integer> outside : outsidePorts) {
        addresses.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), outside.get(a)));
      }
      balancers.get(a).nodes(addresses);
    }
  }

  /** The nodes of this sandbox (one unless made by {@link #nodes}). */
  public List<Sandbox> allNodes() {
    return List.copyOf(nodes);
  }

  /** The database of a sandbox of several nodes. */
  public PostgresSettings database() {
    return database;
  }

  /** Sends every new request to node {@code index} (-1: they take turns again). */
  public void pin(int index) {
    balancers.forEach(b -> b.pin(index));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    nodes.forEach(Sandbox::stop);
    balancers.forEach(TcpBalancer::close);
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  /** The public base URL of a provider. */
  public String base(String ase) {
    return sandbox.ase(ase).publicBase();
  }

  /** The grant endpoint of a provider, e.g. {@code http://localhost:41234/auth}. */
  public String authServer(String ase) {
    return sandbox.ase(ase).authServerUrl();
  }

  /** The URL of a wallet address, e.g. {@code wallet("ase1", "alice")}. */
  public String wallet(String ase, String name) {
    return sandbox.ase(ase).walletUrl(name);
  }

  /** An unsigned request to a provider's origin. */
  public RequestSpecification at(String ase) {
    return given().config(CONFIG).baseUri(base(ase)).urlEncodingEnabled(false);
  }

  /** A request to a provider's admin API, with the bearer secret when the sandbox has one. */
  public RequestSpecification admin(String ase) {
    String secret = sandbox.config().admin().secret();
    RequestSpecification request = at(ase);
    return secret == null ? request : request.header("Authorization", "Bearer " + secret);
  }

  /** {@code POST /admin/misbehaviours} of a provider with a JSON body: the answer as it came. */
  public Response postMisbehaviour(String ase, String json) {
    return admin(ase).contentType("application/json").body(json).post("/admin/misbehaviours");
  }

  /** Switches a misbehaviour on at a provider; the test fails unless the sandbox took it (201). */
  public void misbehave(String ase, String json) {
    Response on = postMisbehaviour(ase, json);
    if (on.statusCode() != 201) {
      throw new AssertionError("misbehaviour " + json + " refused: " + on.asString());
    }
  }

  /** An unsigned request to any URL (set it with the verb). */
  public RequestSpecification anywhere() {
    return given().config(CONFIG).urlEncodingEnabled(false);
  }

  /**
   * A client app: a wallet address {@code name} on ase1 with a public name and a fresh key
   * registered in its {@code jwks.json}.
   */
  public TestClient client(String name) {
    return TestClient.register(this, "ase1", name, "App " + name);
  }

  /** The typed admin client of a provider's default session, with the secret when there is one. */
  public SandboxAdmin adminClient(String ase) {
    return SandboxAdmin.connect(sandbox.ase(ase).adminUrl(), sandbox.config().admin().secret());
  }

  /** Moves the sandbox clock, as {@code POST /admin/clock {"advance": duration}}. */
  public Instant advance(String duration) {
    return duration.contains("T")
        ? adminClient("ase1").advance(Duration.parse(duration))
        : adminClient("ase1").advance(Period.parse(duration));
  }

  /** Sets the auto-consent mode through the admin API. */
  public void autoConsent(String mode) {
    adminClient("ase1").setAutoConsent(AutoConsent.valueOf(mode.toUpperCase(Locale.ROOT)));
  }
}
