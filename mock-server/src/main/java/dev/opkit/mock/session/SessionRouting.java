package dev.opkit.mock.session;

import dev.opkit.mock.sandbox.Ase;
import io.javalin.http.Context;

/** Which session and provider a request to one provider's origin is for. */
public final class SessionRouting {
  private final Sessions sessions;
  private final Ase ase;

  public SessionRouting(Sessions sessions, Ase ase) {
    this.sessions = sessions;
    this.ase = ase;
  }

  /** The provider, as the session the request's URL names sees it. */
  public SessionAse ase(Context ctx) {
    return sessions.defaultSession().at(ase);
  }

  /** The provider itself. */
  public Ase provider() {
    return ase;
  }
}
