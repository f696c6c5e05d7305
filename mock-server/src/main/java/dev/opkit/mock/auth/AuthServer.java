package dev.opkit.mock.auth;

import dev.opkit.mock.auth.access.GnapResourceAccess;
import dev.opkit.mock.auth.admin.AuthAdminRoutes;
import dev.opkit.mock.auth.admin.GrantAdminViews;
import dev.opkit.mock.auth.admin.GrantRevocationRoutes;
import dev.opkit.mock.auth.admin.JournalEntryRoutes;
import dev.opkit.mock.auth.client.ClientDirectory;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.JwksFetcher;
import dev.opkit.mock.auth.continuation.ContinuationService;
import dev.opkit.mock.auth.grant.Grant;
import dev.opkit.mock.auth.grant.GrantEvents;
import dev.opkit.mock.auth.grant.GrantRevocation;
import dev.opkit.mock.auth.grant.GrantRules;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.grant.InMemoryGrantStore;
import dev.opkit.mock.auth.interaction.HtmlPages;
import dev.opkit.mock.auth.interaction.InteractionRoutes;
import dev.opkit.mock.auth.interaction.InteractionService;
import dev.opkit.mock.auth.journal.ReplayWatch;
import dev.opkit.mock.auth.journal.RequestJournal;
import dev.opkit.mock.auth.token.InMemoryTokenStore;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.spending.SpendingLimits;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.signature.SignatureVerifier;
import dev.opkit.protocol.signature.VerifierPolicy;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The sandbox's GNAP auth server (auth-server spec 1.3.0, RFC 9635, PROTOCOL.md §4–5): one set of
 * grants and tokens for every provider, each provider serving its own under {@code {origin}/auth}.
 * Wires the services, hands out each provider's routes, and answers the resource server's access
 * questions.
 */
public final class AuthServer {
  private final InMemoryGrantStore grantStore = new InMemoryGrantStore();
  private final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
  private final AuthSettings settings;
  private final RequestJournal journal;
  private final ReplayWatch replays;
  private final ClientDirectory directory;
  private final GrantService grants;
  private final GrantRevocation revocation;
  private final ContinuationService continuations;
  private final TokenService tokens;
  private final InteractionService interactions;
  private final GrantAdminViews adminViews;
  private final GnapResourceAccess resourceAccess;
  private final Clock clock;
  private final OwnOrigins origins;

  /**
   * @param config the auth settings
   * @param wallets the sandbox's wallet addresses (identifiers, in-process client keys)
   * @param ases the sandbox's providers, filled before the first request
   * @param clock the sandbox clock (lifetimes, waits, windows)
   * @param realClock real time, for signature {@code created} and key caching
   * @param events where grant and token events go
   * @param storage the sandbox's storage (grant spending, for the admin views)
   * @param session the session the auth server serves
   * @param schemas the request schema validator
   * @param adminEnabled whether the admin API is on (refusals then point to the request journal)
   * @param origins the sandbox's own names and web origins (consent page, client wallet aliases)
   */
  public AuthServer(
      AuthConfig config,
      WalletService wallets,
      List<Ase> ases,
      Clock clock,
      Clock realClock,
      Events events,
      Transactions storage,
      Supplier<Session> session,
      RequestSchemas schemas,
      boolean adminEnabled,
      OwnOrigins origins) {
    this.clock = clock;
    this.origins = origins;
    this.settings = new AuthSettings(config);
    this.journal = new RequestJournal(config.journalSize());
    this.replays =
        new ReplayWatch(config.signatureMaxAge().plus(config.signatureMaxFutureSkew()), realClock);
    this.directory =
        new ClientDirectory(
            wallets,
            session,
            ases,
            origins,
            new JwksFetcher(config.keyFetchTimeout()),
            config.keyCacheLifetime(),
            realClock);
    wallets.onKeysChanged(directory::keysChanged);
    ClientSignatures signatures =
        new ClientSignatures(
            new SignatureVerifier(
                new VerifierPolicy(config.signatureMaxAge(), config.signatureMaxFutureSkew())),
            directory,
            journal,
            replays,
            adminEnabled,
            realClock);
    OpaqueValues values = new OpaqueValues();
    GrantEvents grantEvents = new GrantEvents(events);
    this.tokens = new TokenService(tokenStore, values, signatures, events, clock);
    this.grants =
        new GrantService(
            grantStore,
            new GrantRules(wallets, session, config),
            signatures,
            directory,
            tokens,
            values,
            grantEvents,
            schemas,
            config,
            clock);
    this.revocation = new GrantRevocation(tokens, grantEvents, clock);
    this.continuations =
        new ContinuationService(grantStore, tokens, signatures, revocation, schemas, clock);
    this.interactions =
        new InteractionService(grantStore, settings, grantEvents, new HtmlPages(), clock);
    this.adminViews = new GrantAdminViews(tokens, storage, session, clock);
    this.resourceAccess =
        new GnapResourceAccess(
            tokens,
            signatures,
            url -> ases.stream().filter(a -> a.authServerUrl().equals(url)).findFirst(),
            clock);
  }

  /** The resource server's access decisions, answered by this auth server. */
  public ResourceAccess resourceAccess() {
    return resourceAccess;
  }

  /** A provider's auth server routes: the JSON API and the consent page. */
  public List<RouteGroup> routes(Ase ase) {
    return List.of(
        new AuthRoutes(ase, grants, continuations, tokens),
        new InteractionRoutes(ase, interactions, origins));
  }

  /**
   * A provider's admin routes for grants (and their revocation), the request journal (and one entry
   * of it) and auto-consent.
   */
  public RouteGroup adminRoutes(Ase ase, UnaryOperator<Handler> guard) {
    List<RouteGroup> groups =
        List.of(
            new AuthAdminRoutes(ase, grants, adminViews, journal, settings, guard),
            new GrantRevocationRoutes(ase, grants, revocation, adminViews, guard),
            new JournalEntryRoutes(ase, journal, guard));
    return routes -> groups.forEach(group -> group.addTo(routes));
  }

  /**
   * Where {@code POST /admin/clock {"advanceTo": "next-window", "grant": id}} moves the clock: the
   * start of the grant's next spending window.
   *
   * @throws ApiException 404 for an unknown grant, 400 when it has no interval or no next window
   */
  public Instant nextWindowStart(Ase ase, String grantId) {
    Grant grant =
        grants
            .find(ase, grantId)
            .orElseThrow(
                () -> ApiException.notFound("this provider's auth server has no grant " + grantId));
    AccessItem item =
        grant
            .outgoingPaymentAccess()
            .filter(a -> a.limits() != null && a.limits().interval() != null)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "grant " + grantId + " has no outgoing-payment limit with an interval"));
    Instant now = clock.instant();
    return GrantSpending.nextWindow(
            SpendingLimits.from(item.limits()), now, ase.profile().windowCounting())
        .map(IntervalWindow::start)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "grant "
                        + grantId
                        + " has no window after "
                        + now
                        + ": its interval "
                        + item.limits().interval()
                        + " has ended or the current window is its last"));
  }

  /** How many grants this auth server holds, of every provider. */
  public int grantCount() {
    return grantStore.count();
  }

  /** How many access tokens this auth server holds, live or ended. */
  public int tokenCount() {
    return tokenStore.count();
  }

  public AuthSettings settings() {
    return settings;
  }

  public RequestJournal journal() {
    return journal;
  }

  /**
   * Forgets every grant, token, journal entry, request seen and cached key; settings back to the
   * config.
   */
  public void clear() {
    grants.clear();
    tokens.clear();
    journal.clear();
    replays.clear();
    directory.clear();
    settings.reset();
  }
}
