package dev.opkit.conformance.targets;

import dev.opkit.sandbox.admin.SandboxAdmin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The sandbox clock, read from its admin API on every call, so moves by anyone are seen. */
final class AdminClock extends Clock {
  private final SandboxAdmin admin;

  AdminClock(SandboxAdmin admin) {
    this.admin = admin;
  }

  @Override
  public Instant instant() {
    return admin.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("the sandbox clock is read in UTC only");
    }
    return this;
  }
}
