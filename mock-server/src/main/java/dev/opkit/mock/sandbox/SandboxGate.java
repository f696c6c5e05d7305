package dev.opkit.mock.sandbox;

import io.javalin.http.Handler;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a reset from tearing state out from under a request: requests and background work pass the
 * gate together (shared), a reset passes it alone (exclusive) and waits for them to finish.
 */
public final class SandboxGate {
  /** Endpoints that take the gate exclusively themselves and so must not hold it shared. */
  public static final Set<String> EXCLUSIVE_PATHS = Set.of("/admin/reset");

  private final ReadWriteLock lock = new ReentrantReadWriteLock(true);

  /** A handler that runs while no reset is under way. */
  public Handler shared(Handler handler) {
    return ctx -> {
      lock.readLock().lock();
      try {
        handler.handle(ctx);
      } finally {
        lock.readLock().unlock();
      }
    };
  }

  /** Runs background work while no reset is under way. */
  public void shared(Runnable work) {
    lock.readLock().lock();
    try {
      work.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs work with no request or background work in progress. */
  public <T> T exclusive(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
