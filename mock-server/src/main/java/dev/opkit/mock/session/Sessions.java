package dev.opkit.mock.session;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.UnknownSessionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of sessions (isolated sandboxes in one process): the default session the sandbox starts
 * with, sessions made and discarded through the admin API, and resets to a session's seed. A
 * session is opened in the storage, then seeded in one transaction; a reset empties and reseeds it
 * in one transaction, so nobody ever sees half a session.
 */
public final class Sessions {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private final Storage storage;
  private final SessionDirectory directory;
  private final SessionSeeder seeder;
  private final int maxSessions;
  private final Clock realClock;
  private final AdminTokens tokens = new AdminTokens();
  private final List<Consumer<SessionId>> onReset = new ArrayList<>();
  private final List<Consumer<SessionId>> onDiscard = new ArrayList<>();

  /**
   * @param maxSessions how many sessions may be made besides the default one
   */
  public Sessions(
      Storage storage,
      SessionDirectory directory,
      SessionSeeder seeder,
      int maxSessions,
      Clock realClock) {
    if (maxSessions < 0) {
      throw new IllegalArgumentException("maxSessions cannot be negative, got " + maxSessions);
    }
    this.storage = Objects.requireNonNull(storage, "storage");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.seeder = Objects.requireNonNull(seeder, "seeder");
    this.maxSessions = maxSessions;
    this.realClock = Objects.requireNonNull(realClock, "realClock");
  }

  /**
   * Registers what else must forget a session's state when it is reset (after the reset committed)
   * or discarded: pending webhooks, caches. Call while wiring, before the first session.
   */
  public void whenReset(Consumer<SessionId> listener) {
    onReset.add(Objects.requireNonNull(listener));
  }

  /** Registers what else must forget a session when it is discarded; see {@link #whenReset}. */
  public void whenDiscarded(Consumer<SessionId> listener) {
    onDiscard.add(Objects.requireNonNull(listener));
  }

  /**
   * Opens and seeds the default session, the configured sandbox itself, unless the storage keeps it
   * from an earlier start (then it goes on as it was: its wallets, payments and clock).
   */
  public Session openDefault(SessionConfig config) {
    Optional<Session> kept = directory.find(SessionId.DEFAULT);
    if (kept.isPresent()) {
      LOG.info("{} found in the storage: going on with its state", kept.get());
      return kept.get();
    }
    try {
      return open(SessionId.DEFAULT, config, null, Integer.MAX_VALUE);
    } catch (IllegalStateException openedMeanwhile) {
      // Another node on the same storage opened it first.
      return directory.require(SessionId.DEFAULT);
    }
  }

  /**
   * Makes a session and seeds it.
   *
   * @param withAdminToken whether the session gets an admin token of its own
   * @throws dev.opkit.mock.http.ApiException 429 when {@code maxSessions} sessions exist already
   */
  public CreatedSession create(SessionConfig config, boolean withAdminToken) {
    long started = System.nanoTime();
    String token = withAdminToken ? tokens.generate() : null;
    Session session =
        open(
            SessionId.random(),
            config,
            token == null ? null : AdminTokens.hash(token),
            // The default session is not counted against the bound.
            maxSessions + 1);
    LOG.debug(
        "{} ({}) made in {} µs", session, config.name(), (System.nanoTime() - started) / 1000);
    return new CreatedSession(session, token);
  }

  /** A session by id, if it exists. */
  public Optional<Session> find(SessionId id) {
    return directory.find(id);
  }

  /**
   * A session by id.
   *
   * @throws UnknownSessionException when there is none
   */
  public Session require(SessionId id) {
    return directory.require(id);
  }

  /** The default session. */
  public Session defaultSession() {
    return directory.defaultSession();
  }

  /** Every session, the default one first, then oldest first. */
  public List<Session> all() {
    List<Session> all = new ArrayList<>();
    for (SessionRecord record : storage.sessions()) {
      directory.find(record.id()).ifPresent(all::add);
    }
    all.sort((x, y) -> Boolean.compare(!x.id().isDefault(), !y.id().isDefault()));
    return all;
  }

  /** How many sessions were made besides the default one, and how many may be. */
  public int count() {
    return storage.sessionCount() - (storage.session(SessionId.DEFAULT).isPresent() ? 1 : 0);
  }

  public int max() {
    return maxSessions;
  }

  /**
   * Puts a session back to its seed: every store emptied and seeded again in one transaction, its
   * clock back to real time, its processing delay and auto-consent back to its settings.
   *
   * @throws UnknownSessionException when there is none
   */
  public void reset(SessionId id) {
    Session session = directory.require(id);
    storage.write(
        id,
        tx -> {
          SessionRecord record = tx.session().record();
          tx.clear();
          tx.session().save(record.reset());
          seeder.seed(tx, session);
          tx.afterCommit(() -> onReset.forEach(listener -> listener.accept(id)));
          return null;
        });
    LOG.info("{} reset to its seed", session);
  }

  /**
   * Discards a made session and everything in it: its URLs and tokens stop working at once.
   *
   * @return false when there was no such session
   * @throws IllegalArgumentException for the default session, which can only be reset
   */
  public boolean discard(SessionId id) {
    if (id.isDefault()) {
      throw new IllegalArgumentException("the default session cannot be discarded; reset it");
    }
    if (!storage.discard(id)) {
      return false;
    }
    directory.forget(id);
    onDiscard.forEach(listener -> listener.accept(id));
    LOG.debug("session {} discarded", id);
    return true;
  }

  /** Whether {@code presented} is the session's own admin token (false when it has none). */
  public boolean isAdminToken(SessionId id, String presented) {
    return storage
        .session(id)
        .flatMap(SessionRecord::adminTokenHashIfAny)
        .map(kept -> AdminTokens.matches(presented, kept))
        .orElse(false);
  }

  private Session open(SessionId id, SessionConfig config, String tokenHash, int bound) {
    // Resolves every provider's profile first, so a bad setting refuses the session unopened.
    directory.profiles(config);
    SessionRecord record = SessionRecord.created(id, config, realClock.instant(), tokenHash);
    if (!storage.open(record, bound)) {
      throw ApiError.TOO_MANY_SESSIONS.exception(maxSessions);
    }
    Session session;
    try {
      session = directory.require(id);
      storage.write(
          id,
          tx -> {
            seeder.seed(tx, session);
            return null;
          });
    } catch (RuntimeException e) {
      storage.discard(id);
      directory.forget(id);
      throw e;
    }
    return session;
  }
}
