package dev.opkit.mock.sandbox;

import dev.opkit.mock.admin.AdminRoutes;
import dev.opkit.mock.admin.ProvidersRoutes;
import dev.opkit.mock.admin.RecentEventsRoutes;
import dev.opkit.mock.admin.SessionsRoutes;
import dev.opkit.mock.admin.WalletPaymentsRoutes;
import dev.opkit.mock.auth.AuthServer;
import dev.opkit.mock.dashboard.DashboardAssets;
import dev.opkit.mock.dashboard.DashboardRoutes;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.events.WebhookSenders;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.misbehave.MisbehavingRoutes;
import dev.opkit.mock.misbehave.MisbehaviourRoutes;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.misbehave.WalletPage;
import dev.opkit.mock.report.ClientExchanges;
import dev.opkit.mock.report.ClientReports;
import dev.opkit.mock.report.ExchangeRoutes;
import dev.opkit.mock.report.ReportRoutes;
import dev.opkit.mock.resource.ResourceServerRoutes;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.incoming.IncomingPaymentViews;
import dev.opkit.mock.resource.outgoing.OutgoingPaymentService;
import dev.opkit.mock.resource.quote.QuoteService;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionDirectory;
import dev.opkit.mock.session.SessionPathFilter;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.session.Sessions;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.wallet.NewWallet;
import dev.opkit.mock.wallet.WalletRoutes;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Asset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox: several wallet providers (ASEs) in one process, each on its own origin, and its
 * state in a {@link Storage} of sessions (the default session is the configured seed), each with
 * its own clock, books and objects, so payments settle across the providers of a session. {@link
 * #create(SandboxConfig)} builds it unstarted with in-memory storage; {@link #start()} binds the
 * ports and opens the default session; {@link #reset()} puts it back to the seed; {@link #stop()}
 * (or {@code close}) shuts it down. There is no static state: tests may run several sandboxes side
 * by side.
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
  private static final long SWEEP_MILLIS = 1000;
  private static final long SCHEMA_COMPILE_DELAY_MILLIS = 1000;
  private static final int WEBHOOKS_RESUMED_PER_SWEEP = 100;

  private final SandboxConfig config;
  private final Clock realClock = Clock.systemUTC();
  private final Storage storage;
  private final Sessions sessions;
  private final SandboxClock clock;
  private final WebhookSenders webhooks;
  private final Events events;
  private final ScheduledExecutorService scheduler;
  private final Background background;
  private final WalletService wallets;
  private final IncomingPaymentService incoming;
  private final IncomingPaymentViews incomingViews = new IncomingPaymentViews();
  private final QuoteService quotes;
  private final OutgoingPaymentService outgoing;
  private final List<Ase> ases = new ArrayList<>();
  private final List<AseServer> servers = new ArrayList<>();
  private final AuthServer auth;
  private final RequestSchemas schemas;
  private final Misbehaviours misbehaviours;
  private final ClientExchanges exchanges;
  private final ClientReports reports;
  private final DashboardAssets dashboardAssets = new DashboardAssets();
  private final OwnOrigins origins;
  private volatile boolean started;
  private boolean storageClosed;

  private Sandbox(SandboxConfig config, ResourceAccess access, Storage.Factory stores) {
    this.config = config;
    this.storage =
        stores.create(
            new StorageLimits(config.eventLogCapacity(), Math.max(1, config.auth().journalSize())));
    SessionDirectory directory =
        new SessionDirectory(storage, config, Collections.unmodifiableList(ases), realClock);
    this.wallets = new WalletService(storage);
    this.sessions =
        new Sessions(storage, directory, this::seed, config.admin().maxSessions(), realClock);
    this.clock = new SandboxClock(storage, sessions::defaultSession, realClock);
    this.origins = new OwnOrigins(config.hostNames());
    this.webhooks = new WebhookSenders(storage, config.webhook(), realClock);
    this.events = new Events(webhooks);
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "sandbox-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    this.background = new Background(scheduler);
    this.schemas = new RequestSchemas();
    this.misbehaviours = new Misbehaviours(storage, realClock, wallets);
    this.exchanges = new ClientExchanges(storage, realClock);
    this.reports = new ClientReports(storage, Math.max(1, config.auth().journalSize()), realClock);
    this.auth =
        new AuthServer(
            config.auth(),
            wallets,
            Collections.unmodifiableList(ases),
            realClock,
            events,
            storage,
            schemas,
            config.admin().isEnabled(),
            origins,
            misbehaviours);
    if (access == null) {
      access = auth.resourceAccess();
    }
    this.incoming = new IncomingPaymentService(storage, access, events, incomingViews);
    this.quotes = new QuoteService(storage, access, incoming, misbehaviours);
    this.outgoing =
        new OutgoingPaymentService(
            storage, access, events, incomingViews, background, realClock, misbehaviours);
    for (AseConfig aseConfig : config.ases()) {
      Ase ase = new Ase(aseConfig, config.profileOf(aseConfig));
      SessionRouting routing = new SessionRouting(sessions, ase);
      List<RouteGroup> groups = new ArrayList<>();
      // The auth and resource servers' endpoints first: Javalin tries endpoints in the order they
      // were added, a regex each, and these are the signed requests' path. They add no
      // before-handlers, so the admin guard and the session check below still run in that order.
      groups.addAll(auth.routes(routing));
      groups.add(
          new ResourceServerRoutes(routing, incoming, incomingViews, quotes, outgoing, schemas));
      if (config.admin().isEnabled()) {
        AdminRoutes admin = new AdminRoutes(routing, this, config.admin(), origins);
        groups.add(admin);
        groups.add(new SessionsRoutes(ase, this));
        groups.add(auth.adminRoutes(routing, admin::guarded));
        groups.add(new ProvidersRoutes(routing, this, admin::guarded));
        groups.add(new WalletPaymentsRoutes(routing, this, admin::guarded));
        groups.add(new RecentEventsRoutes(routing, this, admin::guarded));
        groups.add(new MisbehaviourRoutes(routing, misbehaviours, admin::guarded));
        groups.add(new ReportRoutes(routing, reports));
        groups.add(new DashboardRoutes(dashboardAssets));
      }
      // After the admin API's guard, so an unknown session is no answer to an unauthorized caller.
      groups.add(routing);
      groups.add(new ExchangeRoutes(routing, exchanges));
      groups.add(new MisbehavingRoutes(routing, misbehaviours));
      groups.add(new WalletPage(routing, wallets));
      groups.add(new WalletRoutes(routing, wallets));
      ases.add(ase);
      servers.add(new AseServer(ase, origins, new SessionPathFilter(), groups));
    }
    sessions.whenReset(webhooks::reset);
    sessions.whenDiscarded(webhooks::discard);
  }

  /** A sandbox whose resource servers ask its own auth server about every protected request. */
  public static Sandbox create(SandboxConfig config) {
    return new Sandbox(config, null, config.storage().factory(System.getenv()));
  }

  /** A sandbox that keeps its state in the storage {@code stores} makes. */
  public static Sandbox createWith(SandboxConfig config, Storage.Factory stores) {
    return new Sandbox(config, null, Objects.requireNonNull(stores, "stores"));
  }

  /**
   * A sandbox whose resource servers ask {@code access} instead of its auth server (a test double
   * for resource-server tests); the auth server still serves grants.
   */
  public static Sandbox create(SandboxConfig config, ResourceAccess access) {
    return new Sandbox(
        config,
        Objects.requireNonNull(access, "access"),
        config.storage().factory(System.getenv()));
  }

  /**
   * A sandbox whose resource servers ask {@code access} (see above), its state in {@code stores}.
   */
  public static Sandbox createWith(
      SandboxConfig config, ResourceAccess access, Storage.Factory stores) {
    return new Sandbox(
        config, Objects.requireNonNull(access, "access"), Objects.requireNonNull(stores, "stores"));
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
    sessions.openDefault(SessionConfig.ofSandbox(config));
    for (Session session : sessions.all()) {
      resumeWebhooks(session);
    }
    // Compiling the schemas while the first requests load Jetty's and Javalin's classes slowed
    // both; a request that needs them sooner starts the compile itself.
    scheduler.schedule(
        schemas::compileInBackground, SCHEMA_COMPILE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        (Runnable) this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    started = true;
    return this;
  }

  /** Stops every provider and background task. */
  public synchronized void stop() {
    scheduler.shutdownNow();
    servers.forEach(AseServer::stop);
    webhooks.close();
    started = false;
    if (!storageClosed) {
      storageClosed = true;
      storage.close();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Puts every state of the default session back to the configured seed: wallets, balances, keys,
   * payments, quotes, grants and tokens, grant spending, events, the request journal, the
   * processing delay, auto-consent and the clock, in one transaction of the session.
   */
  public void reset() {
    reset(SessionId.DEFAULT);
  }

  /** Puts a session back to its seed (see {@link #reset()}). */
  public void reset(SessionId id) {
    sessions.reset(id);
    if (id.isDefault()) {
      auth.clear();
    }
  }

  /**
   * Discards a made session and everything in it: its URLs answer 404 at once.
   *
   * @return false when there was no such session
   */
  public boolean discard(SessionId id) {
    return sessions.discard(id);
  }

  /** Sets a session's clock, then runs the work that follows: expiries that are now due. */
  public void setClock(Session session, Instant now) {
    storage.write(
        session.id(),
        tx -> {
          tx.session()
              .save(
                  tx.session()
                      .record()
                      .withClockOffset(Duration.between(realClock.instant(), now)));
          return null;
        });
    sweep(session);
  }

  /** Runs the work that follows a move of the default session's clock: expiries now due. */
  public void clockMoved() {
    sweep(sessions.defaultSession());
  }

  private void sweep() {
    try {
      storage.heartbeat();
      for (Session session : sessions.all()) {
        sweep(session);
        resumeWebhooks(session);
      }
    } catch (RuntimeException e) {
      LOG.error("the sweep failed", e);
    }
  }

  /** Sends the pending webhooks of the session that no running sandbox sends (kept state). */
  private void resumeWebhooks(Session session) {
    if (!webhooks.active(session)) {
      return;
    }
    try {
      for (EventRecord event : storage.claimWebhooks(session.id(), WEBHOOKS_RESUMED_PER_SWEEP)) {
        webhooks.deliver(session, event);
      }
    } catch (RuntimeException e) {
      LOG.error("the pending webhooks of {} could not be resumed", session, e);
    }
  }

  private void sweep(Session session) {
    try {
      incoming.expireDue(session);
      outgoing.settleDue(session);
    } catch (RuntimeException e) {
      LOG.error("the sweep of {} failed", session, e);
    }
  }

  private void seed(Tx tx, Session session) {
    for (SessionAse ase : session.ases()) {
      for (WalletSeed seed : session.config().walletsOf(ase.name())) {
        wallets.create(
            tx,
            ase,
            new NewWallet(
                seed.name(),
                seed.publicName(),
                new Asset(seed.assetCode(), seed.assetScale()),
                seed.balance()),
            seed.keys());
      }
    }
  }

  /** How many objects the default session holds now, over every provider. */
  public StoredCounts storedCounts() {
    return storedCounts(sessions.defaultSession());
  }

  /** How many objects a session holds now, over every provider. */
  public StoredCounts storedCounts(Session session) {
    return storage.read(
        session.id(),
        (Reads reads) ->
            new StoredCounts(
                reads.wallets().count(),
                reads.incomingPayments().count(),
                reads.quotes().count(),
                reads.outgoingPayments().count(),
                reads.grants().count(),
                reads.tokens().count()));
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

  /** The default session's clock. */
  public SandboxClock clock() {
    return clock;
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

  /** The default session's books. */
  public SandboxBooks ledger() {
    return new SandboxBooks(storage, sessions::defaultSession);
  }

  /** The default session's processing delay. */
  public SandboxProcessing processing() {
    return new SandboxProcessing(storage, sessions::defaultSession);
  }

  /** Where the sandbox keeps its state: every session's stores and the transaction port. */
  public Storage storage() {
    return storage;
  }

  /** Where the state lives, in words (the banner's line). */
  public String storageDescription() {
    return storage.describe();
  }

  /** The report cards of the clients under test, per session. */
  public ClientReports reports() {
    return reports;
  }

  /** The sessions (isolated sandboxes) of this sandbox. */
  public Sessions sessions() {
    return sessions;
  }

  /** The auth server every provider serves under {@code /auth}. */
  public AuthServer auth() {
    return auth;
  }
}
