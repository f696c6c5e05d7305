package dev.opkit.mock.store;

import dev.opkit.mock.sandbox.SessionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session (isolated sandbox) itself: its settings, and what the admin API can change while it
 * runs. The session clock is real time plus {@link #clockOffset}, held here so that every node of a
 * sandbox agrees on it.
 *
 * @param id the session's id
 * @param config its settings as created
 * @param createdAt when it was created (real time)
 * @param clockOffset how far the session clock is ahead of real time (negative: behind)
 * @param processingDelay how long its outgoing payments stay in progress now
 * @param autoConsent what its consent pages do without a person now
 * @param adminTokenHash the SHA-256 (hex) of its own admin token, or null when it has none
 * @param misbehaviours what the session's providers do wrong on purpose now, with their counts
 */
public record SessionRecord(
    SessionId id,
    SessionConfig config,
    Instant createdAt,
    Duration clockOffset,
    Duration processingDelay,
    AutoConsent autoConsent,
    String adminTokenHash,
    List<Misbehaviour> misbehaviours) {

  public SessionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(clockOffset, "clockOffset");
    SessionConfig.checkProcessingDelay(processingDelay);
    Objects.requireNonNull(autoConsent, "autoConsent");
    misbehaviours = misbehaviours == null ? List.of() : List.copyOf(misbehaviours);
  }

  /** A new session: real time, and the processing delay and auto-consent of its settings. */
  public static SessionRecord created(
      SessionId id, SessionConfig config, Instant createdAt, String adminTokenHash) {
    return new SessionRecord(
        id,
        config,
        createdAt,
        Duration.ZERO,
        config.processingDelay(),
        config.autoConsent(),
        adminTokenHash,
        config.misbehaviours());
  }

  public Optional<String> adminTokenHashIfAny() {
    return Optional.ofNullable(adminTokenHash);
  }

  /** The session clock's time when real time is {@code real}. */
  public Instant now(Instant real) {
    return real.plus(clockOffset);
  }

  public SessionRecord withClockOffset(Duration offset) {
    return new SessionRecord(
        id, config, createdAt, offset, processingDelay, autoConsent, adminTokenHash, misbehaviours);
  }

  public SessionRecord withProcessingDelay(Duration delay) {
    return new SessionRecord(
        id, config, createdAt, clockOffset, delay, autoConsent, adminTokenHash, misbehaviours);
  }

  public SessionRecord withAutoConsent(AutoConsent value) {
    return new SessionRecord(
        id, config, createdAt, clockOffset, processingDelay, value, adminTokenHash, misbehaviours);
  }

  public SessionRecord withMisbehaviours(List<Misbehaviour> value) {
    return new SessionRecord(
        id, config, createdAt, clockOffset, processingDelay, autoConsent, adminTokenHash, value);
  }

  /**
   * Back to its settings: real time, the configured processing delay, auto-consent and
   * misbehaviours (counted from zero again).
   */
  public SessionRecord reset() {
    return new SessionRecord(
        id,
        config,
        createdAt,
        Duration.ZERO,
        config.processingDelay(),
        config.autoConsent(),
        adminTokenHash,
        config.misbehaviours());
  }
}
