package dev.opkit.mock.session;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RequestPaths;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.store.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Which session and provider a request to one provider's origin is for: the session its URL names
 * ({@link SessionPathFilter} took the segment out of the routed path), else the default session. As
 * a route group it refuses, before any route runs, a path that names a session the sandbox does not
 * have (404, as Rafiki answers for an unknown tenant) or no route of a session.
 */
public final class SessionRouting implements RouteGroup {
  private final Sessions sessions;
  private final Ase ase;

  public SessionRouting(Sessions sessions, Ase ase) {
    this.sessions = sessions;
    this.ase = ase;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(this::check);
  }

  /**
   * The provider, as the session the request's URL names sees it.
   *
   * @throws ApiException 404 when that session does not exist (any more)
   */
  public SessionAse ase(Context ctx) {
    return session(ctx).at(ase);
  }

  /**
   * The session the request's URL names, or the default session.
   *
   * @throws ApiException 404 when that session does not exist (any more)
   */
  public Session session(Context ctx) {
    Optional<SessionId> named = named(ctx);
    if (named.isEmpty()) {
      return sessions.defaultSession();
    }
    return sessions.find(named.get()).orElseThrow(() -> unknown(ctx, named.get()));
  }

  /** The session the request's URL names, if it names one. */
  public static Optional<SessionId> named(Context ctx) {
    return ctx.attribute(SessionPathFilter.ATTRIBUTE) instanceof SessionPath path
        ? path.session()
        : Optional.empty();
  }

  /** The provider itself. */
  public Ase provider() {
    return ase;
  }

  private void check(Context ctx) {
    if (!(ctx.attribute(SessionPathFilter.ATTRIBUTE) instanceof SessionPath path)) {
      return;
    }
    if (!path.routable()) {
      throw ApiError.NO_ROUTE.exception(ctx.method(), RequestPaths.sent(ctx));
    }
    session(ctx);
  }

  private static ApiException unknown(Context ctx, SessionId id) {
    return (ctx.path().startsWith("/auth")
            ? ApiError.UNKNOWN_SESSION_AT_AUTH
            : ApiError.UNKNOWN_SESSION)
        .exception(id);
  }
}
