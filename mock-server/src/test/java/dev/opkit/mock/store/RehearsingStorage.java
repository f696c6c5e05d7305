package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A storage that runs the work of every write twice, throwing the first run's writes away, as a
 * database may after a serialization failure. A service that keeps the port's contract (no effect
 * outside the transaction but through {@link Tx#afterCommit}) behaves exactly as with one run.
 */
public final class RehearsingStorage implements Storage {
  private final Storage delegate;
  private final AtomicLong rehearsals = new AtomicLong();

  public RehearsingStorage(Storage delegate) {
    this.delegate = delegate;
  }

  /** How many works ran a first time that was thrown away. */
  public long rehearsals() {
    return rehearsals.get();
  }

  @Override
  public <T> T write(SessionId session, Function<Tx, T> work) {
    try {
      delegate.write(
          session,
          tx -> {
            work.apply(tx);
            throw new Rehearsal();
          });
    } catch (Rehearsal expected) {
      rehearsals.incrementAndGet();
    } catch (RuntimeException failed) {
      // The real run fails the same way and reports it.
    }
    return delegate.write(session, work);
  }

  @Override
  public <T> T journal(SessionId session, Function<JournalStore, T> work) {
    try {
      delegate.journal(
          session,
          journal -> {
            work.apply(journal);
            throw new Rehearsal();
          });
    } catch (Rehearsal expected) {
      rehearsals.incrementAndGet();
    } catch (RuntimeException failed) {
      // The real run fails the same way and reports it.
    }
    return delegate.journal(session, work);
  }

  @Override
  public <T> T read(SessionId session, Function<Reads, T> work) {
    return delegate.read(session, work);
  }

  @Override
  public <T> T readConsistent(SessionId session, Function<Reads, T> work) {
    return delegate.readConsistent(session, work);
  }

  @Override
  public boolean open(SessionRecord session, int maxSessions) {
    return delegate.open(session, maxSessions);
  }

  @Override
  public boolean discard(SessionId session) {
    return delegate.discard(session);
  }

  @Override
  public Optional<SessionRecord> session(SessionId session) {
    return delegate.session(session);
  }

  @Override
  public List<SessionRecord> sessions() {
    return delegate.sessions();
  }

  @Override
  public int sessionCount() {
    return delegate.sessionCount();
  }

  @Override
  public byte[] sharedSecret(String name) {
    return delegate.sharedSecret(name);
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Ends a first run without committing it. */
  private static final class Rehearsal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rehearsal() {
      super(null, null, false, false);
    }
  }
}
