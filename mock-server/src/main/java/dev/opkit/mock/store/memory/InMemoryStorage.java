package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.UnknownSessionException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's state in memory (the default {@link Storage}): per session, committed immutable
 * records in concurrent maps, read without locks; write transactions of one session pass its lock
 * one at a time and publish their writes only when their work succeeded. Sessions never wait for
 * each other.
 */
public final class InMemoryStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryStorage.class);

  private final StorageLimits limits;
  private final ConcurrentMap<SessionId, MemorySession> sessions = new ConcurrentHashMap<>();
  // Sessions opened or being opened: the bound of open() is checked against it atomically.
  private final AtomicInteger count = new AtomicInteger();
  private final ConcurrentMap<String, byte[]> secrets = new ConcurrentHashMap<>();

  public InMemoryStorage(StorageLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public boolean open(SessionRecord session, int maxSessions) {
    int held;
    do {
      held = count.get();
      if (held >= maxSessions) {
        return false;
      }
    } while (!count.compareAndSet(held, held + 1));
    MemorySession opened = new MemorySession(new MemoryState(session, limits));
    if (sessions.putIfAbsent(session.id(), opened) != null) {
      count.decrementAndGet();
      throw new IllegalStateException("the session " + session.id() + " exists already");
    }
    return true;
  }

  @Override
  public boolean discard(SessionId id) {
    MemorySession session = sessions.remove(id);
    if (session == null) {
      return false;
    }
    count.decrementAndGet();
    session.writes.lock();
    try {
      session.discarded = true;
    } finally {
      session.writes.unlock();
    }
    return true;
  }

  @Override
  public Optional<SessionRecord> session(SessionId id) {
    return Optional.ofNullable(sessions.get(id)).map(s -> s.state.record);
  }

  @Override
  public List<SessionRecord> sessions() {
    return sessions.values().stream()
        .map(s -> s.state.record)
        .sorted(Comparator.comparing(SessionRecord::createdAt).thenComparing(r -> r.id().value()))
        .toList();
  }

  @Override
  public int sessionCount() {
    return count.get();
  }

  @Override
  public <T> T write(SessionId id, Function<Tx, T> work) {
    MemorySession session = require(id);
    refuseNesting(id, session);
    T result;
    List<Runnable> effects;
    session.writes.lock();
    try {
      if (session.discarded) {
        throw new UnknownSessionException(id);
      }
      MemoryTx tx = new MemoryTx(id, session);
      result = work.apply(tx);
      session.state = tx.commit();
      effects = tx.effects();
    } finally {
      session.writes.unlock();
    }
    for (Runnable effect : effects) {
      try {
        effect.run();
      } catch (RuntimeException e) {
        LOG.error("an effect after a commit in session {} failed", id, e);
      }
    }
    return result;
  }

  @Override
  public <T> T journal(SessionId id, Function<JournalStore, T> work) {
    MemorySession session = require(id);
    refuseNesting(id, session);
    if (session.discarded) {
      throw new UnknownSessionException(id);
    }
    // No lock: journal work of a session runs side by side (see MemoryJournal.Writes).
    MemoryJournal.Writes writes = session.state.journal.writes();
    T result;
    try {
      result = work.apply(writes);
    } catch (RuntimeException | Error e) {
      writes.rollback();
      throw e;
    }
    writes.commit();
    return result;
  }

  @Override
  public <T> T read(SessionId id, Function<Reads, T> work) {
    MemorySession session = require(id);
    refuseNesting(id, session);
    return work.apply(new MemoryReads(id, session.state));
  }

  @Override
  public <T> T readConsistent(SessionId id, Function<Reads, T> work) {
    MemorySession session = require(id);
    refuseNesting(id, session);
    session.writes.lock();
    try {
      if (session.discarded) {
        throw new UnknownSessionException(id);
      }
      return work.apply(new MemoryReads(id, session.state));
    } finally {
      session.writes.unlock();
    }
  }

  @Override
  public byte[] sharedSecret(String name) {
    return secrets
        .computeIfAbsent(
            name,
            n -> {
              byte[] secret = new byte[32];
              new SecureRandom().nextBytes(secret);
              return secret;
            })
        .clone();
  }

  @Override
  public String describe() {
    return "in memory (lost when the sandbox stops)";
  }

  private MemorySession require(SessionId id) {
    MemorySession session = sessions.get(id);
    if (session == null) {
      throw new UnknownSessionException(id);
    }
    return session;
  }

  private static void refuseNesting(SessionId id, MemorySession session) {
    if (session.writes.isHeldByCurrentThread()) {
      throw new IllegalStateException(
          "work of session " + id + " started another read or write of it; pass its Tx on");
    }
  }
}
