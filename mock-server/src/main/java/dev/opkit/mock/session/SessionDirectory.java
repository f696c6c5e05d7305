package dev.opkit.mock.session;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.AseConfig;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.UnknownSessionException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the sessions of a sandbox: each one's {@link Session} is built once from its record (its
 * settings never change) and forgotten when it is discarded.
 */
public final class SessionDirectory {
  private final Storage storage;
  private final SandboxConfig sandbox;
  private final List<Ase> ases;
  private final Clock realClock;
  private final ConcurrentMap<SessionId, Session> built = new ConcurrentHashMap<>();

  /**
   * @param ases the sandbox's providers, in configuration order (a live list: filled before the
   *     first request)
   */
  public SessionDirectory(Storage storage, SandboxConfig sandbox, List<Ase> ases, Clock realClock) {
    this.storage = storage;
    this.sandbox = sandbox;
    this.ases = ases;
    this.realClock = realClock;
  }

  /**
   * A session by id.
   *
   * @throws UnknownSessionException when there is none
   */
  public Session require(SessionId id) {
    return find(id).orElseThrow(() -> new UnknownSessionException(id));
  }

  /** A session by id, if it exists. */
  public Optional<Session> find(SessionId id) {
    Session known = built.get(id);
    if (known != null) {
      return storage.session(id).isPresent() ? Optional.of(known) : Optional.empty();
    }
    return storage.session(id).map(record -> built.computeIfAbsent(id, i -> build(record)));
  }

  /** The default session. */
  public Session defaultSession() {
    return require(SessionId.DEFAULT);
  }

  /** Forgets a discarded session. */
  public void forget(SessionId id) {
    built.remove(id);
  }

  /** The sandbox's providers, in configuration order. */
  public List<Ase> ases() {
    return List.copyOf(ases);
  }

  /** The behaviour profiles a session's settings give each provider (checks they resolve). */
  public Map<String, BehaviourProfile> profiles(SessionConfig config) {
    Map<String, BehaviourProfile> profiles = new LinkedHashMap<>();
    for (AseConfig ase : sandbox.ases()) {
      profiles.put(ase.name(), config.profileOf(sandbox, ase));
    }
    return profiles;
  }

  private Session build(SessionRecord record) {
    return new Session(
        record.id(), record.config(), profiles(record.config()), ases, storage, realClock);
  }
}
