package dev.opkit.mock.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How webhooks are delivered, by default on Rafiki's schedule: an attempt times out after 2 s, only
 * a 200 answer counts as delivered, attempt n failed waits min(n, 6) × 10 s for the next, and the
 * 10th failed attempt is the last.
 *
 * @param secret when set, each webhook carries a {@code Rafiki-Signature} made with it (never
 *     logged nor shown)
 * @param timeout how long one attempt may take, connection included
 * @param retryBackoff the wait unit between attempts (Rafiki: 10 s)
 * @param maxAttempts how many attempts at most, the first included (Rafiki: 10)
 * @param queueCapacity how many deliveries may be pending at once; when full, the oldest is dropped
 *     with a log line
 */
public record WebhookConfig(
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String secret,
    Duration timeout,
    Duration retryBackoff,
    Integer maxAttempts,
    Integer queueCapacity) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ATTEMPTS = 10;
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration MAX_RETRY_BACKOFF = Duration.ofHours(1);
  private static final int MAX_ATTEMPTS_LIMIT = 100;
  private static final int MAX_QUEUE_CAPACITY = 100_000;

  // After the limits above: the constructor reads them.
  public static final WebhookConfig DEFAULTS = new WebhookConfig(null, null, null, null, null);

  public WebhookConfig {
    secret = secret == null || secret.isEmpty() ? null : secret;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    retryBackoff = retryBackoff == null ? DEFAULT_RETRY_BACKOFF : retryBackoff;
    maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
    queueCapacity = queueCapacity == null ? DEFAULT_QUEUE_CAPACITY : queueCapacity;
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "webhook.timeout must be from PT0.001S to " + MAX_TIMEOUT + ", got " + timeout);
    }
    if (retryBackoff.isNegative()
        || retryBackoff.isZero()
        || retryBackoff.compareTo(MAX_RETRY_BACKOFF) > 0) {
      throw new IllegalArgumentException(
          "webhook.retryBackoff must be from PT0.001S to "
              + MAX_RETRY_BACKOFF
              + ", got "
              + retryBackoff);
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException(
          "webhook.maxAttempts must be from 1 to " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
    }
    if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
      throw new IllegalArgumentException(
          "webhook.queueCapacity must be from 1 to "
              + MAX_QUEUE_CAPACITY
              + ", got "
              + queueCapacity);
    }
  }

  /** This configuration with another secret (the {@code --webhook-secret} flag). */
  public WebhookConfig withSecret(String newSecret) {
    return new WebhookConfig(newSecret, timeout, retryBackoff, maxAttempts, queueCapacity);
  }

  /** This configuration with another retry wait unit (tests shorten Rafiki's 10 s). */
  public WebhookConfig withRetryBackoff(Duration backoff) {
    return new WebhookConfig(secret, timeout, backoff, maxAttempts, queueCapacity);
  }

  /** The wait after failed attempt {@code attempts} (1-based): min(attempts, 6) × the backoff. */
  public Duration waitAfter(int attempts) {
    return retryBackoff.multipliedBy(Math.min(attempts, 6));
  }

  @Override
  public String toString() {
    return "WebhookConfig[secret="
        + (secret == null ? "none" : "(set)")
        + ", timeout="
        + timeout
        + ", retryBackoff="
        + retryBackoff
        + ", maxAttempts="
        + maxAttempts
        + ", queueCapacity="
        + queueCapacity
        + "]";
  }
}
