package dev.opkit.mock;

import dev.opkit.mock.sandbox.AdminConfig;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.AseConfig;
import dev.opkit.mock.sandbox.PortInUseException;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SandboxConfigFile;
import dev.opkit.mock.sandbox.StorageConfig;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.WalletRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the sandbox from the command line: reads the optional config file, applies the flags,
 * starts every wallet provider, prints where everything is, and runs until stopped (SIGTERM or
 * Ctrl+C shut it down cleanly).
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    version = "opkit sandbox 0.1.0",
    description = "Runs an Open Payments sandbox: several wallet providers in one process.")
public final class Main implements Callable<Integer> {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML or JSON config file (default: built-in two-provider sandbox)")
  private Path configFile;

  @Option(names = "--host", description = "interface to listen on, e.g. 0.0.0.0 in a container")
  private String host;

  @Option(
      names = "--profile",
      description = "behaviour profile of every provider: rafiki or strict")
  private String profile;

  @Option(
      names = "--port",
      paramLabel = "ASE=PORT",
      converter = AseSetting.Converter.class,
      description = "port of a provider, e.g. --port ase1=5000 (repeatable)")
  private List<AseSetting> ports = List.of();

  @Option(
      names = "--public-url",
      paramLabel = "ASE=URL",
      converter = AseSetting.Converter.class,
      description =
          "public URL of a provider behind a proxy, e.g. --public-url ase1=https://a.example")
  private List<AseSetting> publicUrls = List.of();

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      split = ",",
      description =
          "also answer requests for this host name (a container's or LAN name; repeatable or"
              + " comma-separated; * allows any name, switching off the DNS rebinding defence)")
  private List<String> allowedHosts = List.of();

  @Option(
      names = "--admin-secret",
      description = "require Authorization: Bearer <secret> on /admin")
  private String adminSecret;

  @Option(names = "--no-admin", description = "switch the admin API off")
  private boolean noAdmin;

  @Option(names = "--webhook-url", description = "POST every event to this URL")
  private String webhookUrl;

  @Option(
      names = "--webhook-secret",
      paramLabel = "SECRET",
      description =
          "sign webhooks with a Rafiki-Signature header made with this secret"
              + " (or webhook.secret in the config file, which keeps it out of the process list)")
  private String webhookSecret;

  @Option(
      names = "--processing-delay",
      converter = DurationOption.class,
      description = "ISO 8601 duration outgoing payments stay in progress, e.g. PT2S")
  private Duration processingDelay;

  @Option(
      names = "--quote-lifetime",
      converter = DurationOption.class,
      description = "ISO 8601 quote lifetime, e.g. PT5M")
  private Duration quoteLifetime;

  @Option(
      names = "--auto-consent",
      paramLabel = "MODE",
      description = "answer consent pages without a person: off, accept or reject")
  private String autoConsent;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description =
          "keep the state in this PostgreSQL database, e.g. jdbc:postgresql://localhost/sandbox"
              + " (user and password from OPKIT_DB_USER and OPKIT_DB_PASSWORD); several sandboxes"
              + " on one database are one sandbox")
  private String dbUrl;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "keep the state in an embedded PostgreSQL whose files are in DIR (made when missing):"
              + " a restart finds everything again")
  private Path dataDir;

  @Option(
      names = "--check",
      description =
          "start on free ports, answer one request, stop and exit: checks the configuration"
              + " (the ./sandbox script also uses it to record a class-data archive)")
  private boolean check;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    SandboxConfig config;
    try {
      config = effectiveConfig();
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage());
      return 2;
    }
    if (check) {
      return check(config.ephemeral(), System.out, System.err);
    }
    Sandbox sandbox = Sandbox.create(config);
    try {
      sandbox.start();
    } catch (PortInUseException e) {
      System.err.println("sandbox: could not start: " + e.getMessage());
      sandbox.stop();
      return 1;
    } catch (RuntimeException e) {
      System.err.println("sandbox: could not start: " + rootMessage(e));
      sandbox.stop();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.stop();
                  System.out.println("sandbox stopped");
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    printBanner(System.out, sandbox, (System.nanoTime() - started) / 1_000_000);
    stopped.await();
    return 0;
  }

  /**
   * Starts the configuration on free ports and reads a seed wallet address (or, without wallets,
   * the resource server's refusal of an empty request), so the one request logged is a success.
   */
  static int check(SandboxConfig config, PrintStream out, PrintStream err) {
    try (Sandbox sandbox = Sandbox.create(config).start()) {
      Ase ase = sandbox.ases().get(0);
      SessionAse inDefault = sandbox.sessions().defaultSession().at(ase);
      List<WalletRecord> wallets = sandbox.wallets().all(inDefault);
      HttpRequest request =
          wallets.isEmpty()
              ? HttpRequest.newBuilder(URI.create(localBase(ase) + "/incoming-payments"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build()
              : HttpRequest.newBuilder(
                      URI.create(
                          localBase(ase)
                              + inDefault
                                  .walletUrl(wallets.get(0).id())
                                  .substring(ase.publicBase().length())))
                  .header("Accept", "application/json")
                  .build();
      int expected = wallets.isEmpty() ? 400 : 200;
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        err.println(
            "sandbox: self-check failed: "
                + request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
        return 1;
      }
      out.println(
          "sandbox: configuration OK ("
              + sandbox.ases().size()
              + " providers; "
              + request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ")");
      return 0;
    } catch (IOException | InterruptedException | RuntimeException e) {
      err.println("sandbox: self-check failed: " + rootMessage(e));
      return 1;
    }
  }

  /** Where a started provider answers on this machine, whatever public URL it has. */
  private static String localBase(Ase ase) {
    return "http://" + ase.listenAddress();
  }

  private SandboxConfig effectiveConfig() {
    SandboxConfig config =
        configFile == null ? SandboxConfig.defaults() : SandboxConfigFile.read(configFile);
    if (host != null) {
      config = config.withHost(host);
    }
    if (profile != null) {
      config = config.withProfile(profile);
    }
    if (!ports.isEmpty() || !publicUrls.isEmpty()) {
      config = config.withAses(overrideAses(config.ases()));
    }
    if (!allowedHosts.isEmpty()) {
      List<String> hosts = new ArrayList<>(config.allowedHosts());
      hosts.addAll(allowedHosts);
      config = config.withAllowedHosts(hosts);
    }
    if (adminSecret != null || noAdmin) {
      config =
          config.withAdmin(
              new AdminConfig(
                  !noAdmin && config.admin().isEnabled(),
                  adminSecret != null ? adminSecret : config.admin().secret(),
                  config.admin().maxSessions()));
    }
    if (webhookUrl != null) {
      config = config.withWebhookUrl(webhookUrl);
    }
    if (webhookSecret != null) {
      config = config.withWebhook(config.webhook().withSecret(webhookSecret));
    }
    if (processingDelay != null) {
      config = config.withProcessingDelay(processingDelay);
    }
    if (quoteLifetime != null) {
      config = config.withQuoteLifetime(quoteLifetime);
    }
    if (dbUrl != null || dataDir != null) {
      config = config.withStorage(new StorageConfig(dbUrl, dataDir));
    }
    if (autoConsent != null) {
      config = config.withAuth(config.auth().withAutoConsent(AutoConsent.parse(autoConsent)));
    }
    return config;
  }

  private List<AseConfig> overrideAses(List<AseConfig> ases) {
    List<String> names = ases.stream().map(AseConfig::name).toList();
    Map<String, Integer> portOf = new HashMap<>();
    for (AseSetting setting : ports) {
      requireKnown(names, setting.ase(), "--port");
      portOf.put(setting.ase(), setting.port());
    }
    Map<String, String> publicUrlOf = new HashMap<>();
    for (AseSetting setting : publicUrls) {
      requireKnown(names, setting.ase(), "--public-url");
      publicUrlOf.put(setting.ase(), setting.value());
    }
    List<AseConfig> result = new ArrayList<>();
    for (AseConfig ase : ases) {
      AseConfig changed = ase;
      if (portOf.containsKey(ase.name())) {
        changed =
            new AseConfig(
                ase.name(),
                portOf.get(ase.name()),
                ase.publicUrl(),
                ase.profile(),
                ase.profileOverrides(),
                ase.wallets());
      }
      if (publicUrlOf.containsKey(ase.name())) {
        changed = changed.withPublicUrl(publicUrlOf.get(ase.name()));
      }
      result.add(changed);
    }
    return result;
  }

  private static void requireKnown(List<String> names, String name, String flag) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          flag + " names the ASE '" + name + "', but the sandbox has only " + names);
    }
  }

  static void printBanner(PrintStream out, Sandbox sandbox, long millis) {
    out.printf(
        Locale.ROOT,
        "Open Payments sandbox ready in %d ms (%d wallet providers)%n",
        millis,
        sandbox.ases().size());
    for (Ase ase : sandbox.ases()) {
      out.printf(
          Locale.ROOT,
          "%n  %s  %s  (profile %s%s)%n",
          ase.name(),
          ase.publicBase(),
          ase.profile().name(),
          ase.config().publicUrl() == null ? "" : "; listening on " + ase.listenAddress());
      SessionAse inDefault = sandbox.sessions().defaultSession().at(ase);
      for (WalletRecord wallet : sandbox.wallets().all(inDefault)) {
        out.printf(
            Locale.ROOT,
            "    wallet address  %-36s %s %s%n",
            inDefault.walletUrl(wallet.id()),
            wallet.asset().code(),
            new BigDecimal(
                    sandbox.wallets().balances(inDefault, wallet).available(),
                    wallet.asset().scale())
                .toPlainString());
      }
      out.printf(Locale.ROOT, "    auth server     %s%n", ase.authServerUrl());
      if (sandbox.config().admin().isEnabled()) {
        out.printf(
            Locale.ROOT,
            "    admin API       %s%s%n",
            ase.adminUrl(),
            sandbox.config().admin().secret() != null ? "  (bearer secret required)" : "");
        out.printf(Locale.ROOT, "    dashboard       %s/%n", ase.publicBase());
      }
    }
    out.printf(Locale.ROOT, "%nState: %s%n", sandbox.storageDescription());
    out.printf(Locale.ROOT, "%nPress Ctrl+C to stop.%n");
    out.flush();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
