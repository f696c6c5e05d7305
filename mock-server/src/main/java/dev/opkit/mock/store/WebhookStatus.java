package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How the webhook of one event is going, for {@code GET /admin/events}: attempts made, the last
 * answer, and whether it was delivered, is waiting for a retry, or was given up. A change is a new
 * version, saved with the event.
 *
 * @param state where the delivery is
 * @param attempts how many POSTs were answered or failed so far
 * @param lastStatus the last answer's HTTP status, or null when there was none
 * @param lastError why the last attempt got no answer (time-out, refused), or null
 * @param nextAttemptAt when the next retry is due (real time), or null when none is planned
 * @param deliveredAt when a receiver answered the delivered status (real time), or null
 */
public record WebhookStatus(
    WebhookStatus.State state,
    int attempts,
    Integer lastStatus,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt) {

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

  public WebhookStatus {
    Objects.requireNonNull(state, "state");
  }

  /** A delivery not tried yet. */
  public static WebhookStatus pending() {
    return new WebhookStatus(State.PENDING, 0, null, null, null, null);
  }

  /** An attempt was answered with {@code status}; {@code delivered} when that counts as such. */
  public WebhookStatus answered(int status, boolean delivered, Instant at) {
    return new WebhookStatus(
        delivered ? State.DELIVERED : state,
        attempts + 1,
        status,
        null,
        null,
        delivered ? at : deliveredAt);
  }

  /** An attempt got no answer. */
  public WebhookStatus unanswered(String error) {
    return new WebhookStatus(state, attempts + 1, null, error, null, deliveredAt);
  }

  /** The next attempt is due at {@code at}. */
  public WebhookStatus retryAt(Instant at) {
    return new WebhookStatus(state, attempts, lastStatus, lastError, at, deliveredAt);
  }

  /** Ends a delivery that is not delivered; a delivered one stays delivered. */
  public WebhookStatus end(State end) {
    return state == State.PENDING
        ? new WebhookStatus(end, attempts, lastStatus, lastError, null, deliveredAt)
        : this;
  }
}
