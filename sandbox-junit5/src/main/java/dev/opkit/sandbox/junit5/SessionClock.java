package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.SandboxAdmin;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

/**
 * The clock of a test's session (one for all its providers): moving it moves no other test's. It
 * runs on from wherever it is put.
 */
public final class SessionClock {
  private final SandboxAdmin admin;

  SessionClock(SandboxAdmin admin) {
    this.admin = admin;
  }

  /** The session's time. */
  public Instant now() {
    return admin.now();
  }

  /** Moves forward by a calendar period, e.g. {@code Period.ofMonths(1)}. */
  public Instant advance(Period period) {
    return admin.advance(period);
  }

  /** Moves forward by a duration. */
  public Instant advance(Duration duration) {
    return admin.advance(duration);
  }

  /** Puts the clock at an instant. */
  public Instant set(Instant instant) {
    return admin.setClock(instant);
  }

  /**
   * Moves to the start of the grant's next spending window.
   *
   * @param grant the grant's id or its continuation URL ({@code continue.uri})
   */
  public Instant toNextWindow(String grant) {
    return admin.advanceToNextWindow(GrantIds.of(admin, grant));
  }
}
