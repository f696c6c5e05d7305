package dev.opkit.mock.session;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.Storage;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.UnknownSessionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One session (isolated sandbox) as the services use it: its id and settings, each provider's
 * behaviour profile in it (resolved once), and its clock. What the admin API changes while it runs
 * (clock offset, processing delay, auto-consent) is read from its {@link SessionRecord}, never
 * cached here, so every node of a sandbox sees the same.
 */
public final class Session {
  private final SessionId id;
  private final SessionConfig config;
  private final Map<String, BehaviourProfile> profiles;
  private final List<Ase> ases;
  private final Storage storage;
  private final Clock realClock;

  Session(
      SessionId id,
      SessionConfig config,
      Map<String, BehaviourProfile> profiles,
      List<Ase> ases,
      Storage storage,
      Clock realClock) {
    this.id = Objects.requireNonNull(id);
    this.config = Objects.requireNonNull(config);
    this.profiles = Map.copyOf(profiles);
    this.ases = List.copyOf(ases);
    this.storage = storage;
    this.realClock = realClock;
  }

  public SessionId id() {
    return id;
  }

  public SessionConfig config() {
    return config;
  }

  /** A provider's behaviour profile in this session. */
  public BehaviourProfile profile(String ase) {
    BehaviourProfile profile = profiles.get(ase);
    if (profile == null) {
      throw new IllegalArgumentException("this sandbox has no ASE '" + ase + "'");
    }
    return profile;
  }

  /** A provider of the sandbox as this session sees it. */
  public SessionAse at(Ase ase) {
    return new SessionAse(this, ase);
  }

  /** A provider by name as this session sees it. */
  public SessionAse at(String aseName) {
    return at(
        ases.stream()
            .filter(a -> a.name().equals(aseName))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("this sandbox has no ASE '" + aseName + "'")));
  }

  /** Every provider of the sandbox as this session sees it, in configuration order. */
  public List<SessionAse> ases() {
    return ases.stream().map(this::at).toList();
  }

  /** The provider whose URLs (in this session) a URL lies under, if any. */
  public Optional<SessionAse> owning(String url) {
    return ases().stream().filter(a -> url != null && url.startsWith(a.base() + "/")).findFirst();
  }

  /** The session's record as last committed. */
  public SessionRecord record() {
    return storage.session(id).orElseThrow(() -> new UnknownSessionException(id));
  }

  /** The session clock now: real time plus the session's offset. */
  public Instant now() {
    return record().now(realClock.instant());
  }

  /** The session clock now, as a transaction sees the session's record. */
  public Instant now(Tx tx) {
    return tx.session().record().now(realClock.instant());
  }

  /** Real time, for the freshness of signatures and the due time of delayed settlements. */
  public Clock realClock() {
    return realClock;
  }

  /** The session clock as a {@link Clock}. */
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the session clock is always UTC");
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  @Override
  public String toString() {
    return id.isDefault() ? "the default session" : "session " + id;
  }
}
