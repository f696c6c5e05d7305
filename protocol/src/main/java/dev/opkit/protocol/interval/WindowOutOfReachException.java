package dev.opkit.protocol.interval;

import java.time.Instant;

/**
 * A repeating interval whose windows mix months with days or times in a way that does not repeat
 * within the windows this kit walks, asked about an instant beyond them: its windows there cannot
 * be counted with bounded work, so the interval cannot be applied at that instant.
 */
public final class WindowOutOfReachException extends InvalidIntervalException {
  private static final long serialVersionUID = 1L;

  WindowOutOfReachException(String interval, Instant farthest) {
    super(
        interval,
        "its step mixes months with days or times, so its windows are counted one by one, and"
            + " they do not repeat within the first "
            + SteppedChain.MAX_WALK
            + " windows; they are counted up to "
            + farthest
            + " only");
  }
}
