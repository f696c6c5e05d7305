package dev.opkit.mock.sandbox;

import dev.opkit.mock.admin.AdminRoutes;
import dev.opkit.mock.admin.ProvidersRoutes;
import dev.opkit.mock.admin.RecentEventsRoutes;
import dev.opkit.mock.admin.WalletPaymentsRoutes;
import dev.opkit.mock.auth.AuthServer;
import dev.opkit.mock.auth.limits.GrantSpending;
import dev.opkit.mock.dashboard.DashboardAssets;
import dev.opkit.mock.dashboard.DashboardRoutes;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.events.WebhookSender;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.resource.ResourceServerRoutes;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.resource.incoming.InMemoryIncomingPaymentStore;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.incoming.IncomingPaymentViews;
import dev.opkit.mock.resource.outgoing.InMemoryOutgoingPaymentStore;
import dev.opkit.mock.resource.outgoing.OutgoingPaymentService;
import dev.opkit.mock.resource.outgoing.ProcessingSettings;
import dev.opkit.mock.resource.quote.InMemoryQuoteStore;
import dev.opkit.mock.resource.quote.Pricing;
import dev.opkit.mock.resource.quote.QuoteService;
import dev.opkit.mock.wallet.InMemoryWalletStore;
import dev.opkit.mock.wallet.NewWallet;
import dev.opkit.mock.wallet.WalletRoutes;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Asset;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox: several wallet providers (ASEs) in one process, each on its own origin, sharing one
 * clock, one ledger and one list of providers so payments settle across them. {@link
 * #create(SandboxConfig)} builds it unstarted; {@link #start()} binds the ports and creates the
 * seed wallets; {@link #reset()} puts every state back to the seed; {@link #stop()} (or {@code
 * close}) shuts it down. There is no static state: tests may run several sandboxes side by side.
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
  private static final long SWEEP_MILLIS = 1000;
  private static final long SCHEMA_COMPILE_DELAY_MILLIS = 1000;

  private final SandboxConfig config;
  private final SandboxClock clock = SandboxClock.system();
  private final Ledger ledger = new Ledger();
  private final GrantSpending spending = new GrantSpending();
  private final SandboxGate gate = new SandboxGate();
  private final Optional<WebhookSender> webhooks;
  private final Events events;
  private final ProcessingSettings processing;
  private final ScheduledExecutorService scheduler;
  private final Background background;
  private final InMemoryWalletStore walletStore = new InMemoryWalletStore();
  private final InMemoryIncomingPaymentStore incomingStore = new InMemoryIncomingPaymentStore();
  private final InMemoryQuoteStore quoteStore = new InMemoryQuoteStore();
  private final InMemoryOutgoingPaymentStore outgoingStore = new InMemoryOutgoingPaymentStore();
  private final WalletService wallets;
  private final IncomingPaymentService incoming;
  private final IncomingPaymentViews incomingViews = new IncomingPaymentViews();
  private final QuoteService quotes;
  private final OutgoingPaymentService outgoing;
  private final List<Ase> ases = new ArrayList<>();
  private final List<AseServer> servers = new ArrayList<>();
  private final AuthServer auth;
  private final RequestSchemas schemas;
  private final DashboardAssets dashboardAssets = new DashboardAssets();
  private final OwnOrigins origins;
  private volatile boolean started;

  private Sandbox(SandboxConfig config, ResourceAccess access) {
    this.config = config;
    this.origins = new OwnOrigins(config.hostNames());
    this.webhooks =
        Optional.ofNullable(config.webhookUrl())
            .map(
                url ->
                    new WebhookSender(
                        URI.create(url),
                        config.webhook(),
                        name -> ase(name).profile().webhookBody(),
                        Clock.systemUTC()));
    this.events = new Events(clock, config.eventLogCapacity(), webhooks);
    this.processing = new ProcessingSettings(config.processingDelay());
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "sandbox-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    this.background = new Background(scheduler, gate);
    AtomicLong sequences = new AtomicLong();
    this.wallets = new WalletService(walletStore, ledger);
    this.schemas = new RequestSchemas();
    this.auth =
        new AuthServer(
            config.auth(),
            wallets,
            Collections.unmodifiableList(ases),
            clock,
            Clock.systemUTC(),
            events,
            spending,
            schemas,
            config.admin().isEnabled(),
            origins);
    if (access == null) {
      access = auth.resourceAccess();
    }
    this.incoming =
        new IncomingPaymentService(
            incomingStore, wallets, access, clock, events, incomingViews, sequences);
    this.quotes =
        new QuoteService(
            quoteStore,
            wallets,
            incoming,
            access,
            new Pricing(config.rates(), config.fees()),
            clock,
            config.quoteLifetime());
    this.outgoing =
        new OutgoingPaymentService(
            outgoingStore,
            wallets,
            incoming,
            incomingViews,
            quotes,
            access,
            spending,
            ledger,
            events,
            clock,
            processing,
            background,
            sequences);
    for (AseConfig aseConfig : config.ases()) {
      Ase ase = new Ase(aseConfig, config.profileOf(aseConfig));
      List<RouteGroup> groups = new ArrayList<>();
      if (config.admin().isEnabled()) {
        AdminRoutes admin = new AdminRoutes(ase, this, config.admin(), origins);
        groups.add(admin);
        groups.add(auth.adminRoutes(ase, admin::guarded));
        groups.add(new ProvidersRoutes(ase, this, admin::guarded));
        groups.add(new WalletPaymentsRoutes(ase, this, admin::guarded));
        groups.add(new RecentEventsRoutes(ase, this, admin::guarded));
        groups.add(new DashboardRoutes(dashboardAssets));
      }
      groups.addAll(auth.routes(ase));
      groups.add(
          new ResourceServerRoutes(ase, incoming, incomingViews, quotes, outgoing, schemas, clock));
      groups.add(new WalletRoutes(ase, wallets));
      ases.add(ase);
      servers.add(new AseServer(ase, gate, origins, groups));
    }
  }

  /** A sandbox whose resource servers ask its own auth server about every protected request. */
  public static Sandbox create(SandboxConfig config) {
    return new Sandbox(config, null);
  }

  /**
   * A sandbox whose resource servers ask {@code access} instead of its auth server (a test double
   * for resource-server tests); the auth server still serves grants.
   */
  public static Sandbox create(SandboxConfig config, ResourceAccess access) {
    return new Sandbox(config, java.util.Objects.requireNonNull(access, "access"));
  }

  /** Binds every provider's port, fixes their public URLs, creates the seed wallets. */
  public synchronized Sandbox start() {
    if (started) {
      throw new IllegalStateException("the sandbox is running already");
    }
    try {
      for (AseServer server : servers) {
        server.start(config.host());
      }
    } catch (RuntimeException e) {
      servers.forEach(AseServer::stop);
      throw e;
    }
    seed();
    // Compiling the schemas while the first requests load Jetty's and Javalin's classes slowed
    // both; a request that needs them sooner starts the compile itself.
    scheduler.schedule(
        schemas::compileInBackground, SCHEMA_COMPILE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> gate.shared(this::sweep), SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    started = true;
    return this;
  }

  /** Stops every provider and background task. */
  public synchronized void stop() {
    scheduler.shutdownNow();
    servers.forEach(AseServer::stop);
    webhooks.ifPresent(WebhookSender::close);
    started = false;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Puts every state back to the configured seed: wallets, balances, keys, payments, quotes, grants
   * and tokens, grant spending, events, the processing delay and the clock. Waits for requests in
   * progress.
   */
  public void reset() {
    gate.exclusive(
        () -> {
          background.forgetPending();
          outgoingStore.clear();
          quoteStore.clear();
          incomingStore.clear();
          spending.clear();
          auth.clear();
          wallets.clear();
          ledger.clear();
          events.clear();
          clock.reset();
          processing.setDelay(config.processingDelay());
          seed();
          LOG.info("sandbox reset to its seed");
          return null;
        });
  }

  /** Runs the work that follows a move of the clock: expiries that are now due. */
  public void clockMoved() {
    sweep();
  }

  private void sweep() {
    try {
      incoming.expireDue();
    } catch (RuntimeException e) {
      LOG.error("expiring incoming payments failed", e);
    }
  }

  private void seed() {
    for (Ase ase : ases) {
      for (WalletSeed seed : ase.config().wallets()) {
        wallets.create(
            ase,
            new NewWallet(
                seed.name(),
                seed.publicName(),
                new Asset(seed.assetCode(), seed.assetScale()),
                seed.balance()));
      }
    }
  }

  /** How many objects the sandbox holds now, over every provider. */
  public StoredCounts storedCounts() {
    return new StoredCounts(
        walletStore.count(),
        incomingStore.count(),
        quoteStore.count(),
        outgoingStore.count(),
        auth.grantCount(),
        auth.tokenCount());
  }

  public SandboxConfig config() {
    return config;
  }

  /** The providers, in configuration order; their URLs are known once started. */
  public List<Ase> ases() {
    return List.copyOf(ases);
  }

  /** A provider by name. */
  public Ase ase(String name) {
    return ases.stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("this sandbox has no ASE '" + name + "'"));
  }

  /** The bound port of a provider. */
  public int port(Ase ase) {
    return servers.get(ases.indexOf(ase)).port();
  }

  public SandboxClock clock() {
    return clock;
  }

  public Ledger ledger() {
    return ledger;
  }

  public Events events() {
    return events;
  }

  public WalletService wallets() {
    return wallets;
  }

  public IncomingPaymentService incomingPayments() {
    return incoming;
  }

  public QuoteService quotes() {
    return quotes;
  }

  public OutgoingPaymentService outgoingPayments() {
    return outgoing;
  }

  public GrantSpending grantSpending() {
    return spending;
  }

  /** The auth server every provider serves under {@code /auth}. */
  public AuthServer auth() {
    return auth;
  }

  public ProcessingSettings processing() {
    return processing;
  }

  public SandboxGate gate() {
    return gate;
  }
}
