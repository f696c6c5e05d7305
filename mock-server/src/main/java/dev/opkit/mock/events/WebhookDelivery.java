package dev.opkit.mock.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * How the webhook of one event is going, for {@code GET /admin/events}: attempts made, the last
 * answer, and whether it was delivered, is waiting for a retry, or was given up. Thread-safe: the
 * sender updates it while the admin API reads it.
 */
public final class WebhookDelivery {
  /** Where a delivery is. */
  public enum State {
    /** Not delivered yet; an attempt is due or in flight. */
    PENDING,
    /** A receiver answered 200. */
    DELIVERED,
    /** Every attempt failed; no more retries. */
    FAILED,
    /** Dropped unsent from a full queue of pending deliveries. */
    DROPPED,
    /** Stopped by a reset or the sandbox stopping. */
    CANCELLED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What the admin API shows.
   *
   * @param state where the delivery is
   * @param attempts how many POSTs were answered or failed so far
   * @param lastStatus the last answer's HTTP status, or null when there was none
   * @param lastError why the last attempt got no answer (time-out, refused), or null
   * @param nextAttemptAt when the next retry is due (real time), or null when none is planned
   * @param deliveredAt when a receiver answered 200 (real time), or null
   */
  public record Status(
      State state,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant nextAttemptAt,
      Instant deliveredAt) {}

  private State state = State.PENDING;
  private int attempts;
  private Integer lastStatus;
  private String lastError;
  private Instant nextAttemptAt;
  private Instant deliveredAt;

  /** A snapshot of the delivery. */
  @JsonValue
  public synchronized Status status() {
    return new Status(state, attempts, lastStatus, lastError, nextAttemptAt, deliveredAt);
  }

  synchronized void answered(int status, Instant at) {
    attempts++;
    lastStatus = status;
    lastError = null;
    nextAttemptAt = null;
    if (status == WebhookSender.DELIVERED_STATUS) {
      state = State.DELIVERED;
      deliveredAt = at;
    }
  }

  synchronized void unanswered(String error) {
    attempts++;
    lastStatus = null;
    lastError = error;
    nextAttemptAt = null;
  }

  synchronized void retryAt(Instant at) {
    nextAttemptAt = at;
  }

  /** Ends a delivery that is not delivered; a delivered one stays delivered. */
  synchronized void end(State end) {
    if (state == State.PENDING) {
      state = end;
      nextAttemptAt = null;
    }
  }
}
