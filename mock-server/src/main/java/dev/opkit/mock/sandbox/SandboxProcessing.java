package dev.opkit.mock.sandbox;

import dev.opkit.mock.session.Session;
import dev.opkit.mock.store.Transactions;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long a session's outgoing payments stay in progress before they settle (real time), kept in
 * the session's record; the admin API can change it while the sandbox runs.
 */
public final class SandboxProcessing {
  private final Transactions storage;
  private final Supplier<Session> session;

  public SandboxProcessing(Transactions storage, Supplier<Session> session) {
    this.storage = storage;
    this.session = session;
  }

  public Duration delay() {
    return session.get().record().processingDelay();
  }

  /** Sets the delay for payments created from now on. */
  public void setDelay(Duration delay) {
    SessionConfig.checkProcessingDelay(delay);
    storage.write(
        session.get().id(),
        tx -> {
          tx.session().save(tx.session().record().withProcessingDelay(delay));
          return null;
        });
  }
}
