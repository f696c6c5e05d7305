package dev.opkit.mock.store;

/** The session asked for does not exist, or was discarded. */
public final class UnknownSessionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SessionId session;

  public UnknownSessionException(SessionId session) {
    super("there is no session " + session);
    this.session = session;
  }

  public SessionId session() {
    return session;
  }
}
