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
import dev.opkit.mock.auth.grant.GrantEvents;
import dev.opkit.mock.auth.grant.GrantRevocation;
import dev.opkit.mock.auth.grant.GrantRules;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.interaction.ConsentTokens;
import dev.opkit.mock.auth.interaction.HtmlPages;
import dev.opkit.mock.auth.interaction.InteractionRoutes;
import dev.opkit.mock.auth.interaction.InteractionService;
import dev.opkit.mock.auth.journal.ReplayWatch;
import dev.opkit.mock.auth.journal.RequestJournal;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.spending.SpendingLimits;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.interval.IntervalWindow;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.signature.SignatureVerifier;
import dev.opkit.protocol.signature.VerifierPolicy;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The sandbox's GNAP auth server (auth-server spec 1.3.0, RFC 9635, PROTOCOL.md §4–5): each
 * provider serves its own under {@code {origin}/auth} (and {@code {origin}/auth/{session}} for a
 * made session), with grants and tokens kept per session in the storage. Wires the services, hands
 * out each provider's routes, and answers the resource server's access questions.
 */
public final class AuthServer {
  /** The name of the consent pages' key among the storage's shared secrets. */
  private static final String CONSENT_KEY = "consent-pages";

  private final AuthSettings settings;
  private final RequestJournal journal;
  private final ClientDirectory directory;
  private final GrantService grants;
  private final GrantRevocation revocation;
  private final ContinuationService continuations;
  private final TokenService tokens;
  private final InteractionService interactions;
  private final GrantAdminViews adminViews;
  private final GnapResourceAccess resourceAccess;
  private final OwnOrigins origins;

  /**
   * @param config the auth settings
   * @param wallets the sandbox's wallet addresses (identifiers, in-process client keys)
   * @param ases the sandbox's providers, filled before the first request
   * @param realClock real time, for signature {@code created} and key caching
   * @param events where grant and token events go
   * @param storage the sandbox's storage: grants, tokens, spending windows and settings per session
   * @param schemas the request schema validator
   * @param adminEnabled whether the admin API is on (refusals then point to the request journal)
   * @param origins the sandbox's own names and web origins (consent page, client wallet aliases)
   * @param misbehaviours the sessions' misbehaviours (wait, finish hash)
   */
  public AuthServer(
      AuthConfig config,
      WalletService wallets,
      List<Ase> ases,
      Clock realClock,
      Events events,
      Storage storage,
      RequestSchemas schemas,
      boolean adminEnabled,
      OwnOrigins origins,
      Misbehaviours misbehaviours) {
    this.origins = origins;
    this.settings = new AuthSettings(storage);
    this.journal = new RequestJournal(storage, config.journalSize());
    ReplayWatch replays =
        new ReplayWatch(config.signatureMaxAge().plus(config.signatureMaxFutureSkew()));
    this.directory =
        new ClientDirectory(
            wallets,
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
            storage,
            replays,
            adminEnabled,
            realClock);
    OpaqueValues values = new OpaqueValues();
    GrantEvents grantEvents = new GrantEvents(events);
    this.tokens = new TokenService(storage, values, signatures, events, misbehaviours);
    this.grants =
        new GrantService(
            storage,
            new GrantRules(wallets, config),
            signatures,
            directory,
            tokens,
            values,
            grantEvents,
            schemas,
            config,
            misbehaviours);
    this.revocation = new GrantRevocation(storage, grantEvents);
    this.continuations =
        new ContinuationService(
            storage, tokens, signatures, revocation, schemas, values, misbehaviours);
    this.interactions =
        new InteractionService(
            storage,
            grantEvents,
            new HtmlPages(),
            new ConsentTokens(storage.sharedSecret(CONSENT_KEY)),
            misbehaviours);
    this.adminViews = new GrantAdminViews(storage);
    this.resourceAccess = new GnapResourceAccess(storage, signatures);
  }

  /** The resource server's access decisions, answered by this auth server. */
  public ResourceAccess resourceAccess() {
    return resourceAccess;
  }

  /** A provider's auth server routes: the JSON API and the consent page. */
  public List<RouteGroup> routes(SessionRouting routing) {
    return List.of(
        new AuthRoutes(routing, grants, continuations, tokens),
        new InteractionRoutes(routing, interactions, origins));
  }

  /**
   * A provider's admin routes for grants (and their revocation), the request journal (and one entry
   * of it) and auto-consent.
   */
  public RouteGroup adminRoutes(SessionRouting routing, UnaryOperator<Handler> guard) {
    List<RouteGroup> groups =
        List.of(
            new AuthAdminRoutes(routing, grants, adminViews, journal, settings, guard),
            new GrantRevocationRoutes(routing, revocation, adminViews, guard),
            new JournalEntryRoutes(routing, journal, guard));
    return routes -> groups.forEach(group -> group.addTo(routes));
  }

  /**
   * Where {@code POST /admin/clock {"advanceTo": "next-window", "grant": id}} moves the clock: the
   * start of the grant's next spending window.
   *
   * @throws ApiException 404 for an unknown grant, 400 when it has no interval or no next window
   */
  public Instant nextWindowStart(SessionAse ase, String grantId) {
    GrantRecord grant =
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
    Instant now = ase.session().now();
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

  public AuthSettings settings() {
    return settings;
  }

  public RequestJournal journal() {
    return journal;
  }

  /** Forgets every cached key (reset of the default session). */
  public void clear() {
    directory.clear();
  }
}
