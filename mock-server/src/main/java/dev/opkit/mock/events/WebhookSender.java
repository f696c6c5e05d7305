package dev.opkit.mock.events;

import dev.opkit.mock.profile.BehaviourProfile.WebhookBody;
import dev.opkit.protocol.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs events as JSON to a configured URL, as Rafiki's backend does for its wallet providers:
 * signed with {@code Rafiki-Signature} when a secret is configured, counted as delivered only on a
 * 200 answer, retried on Rafiki's schedule ({@link WebhookConfig}). Requests never wait for it:
 * {@link #deliver} only queues; one background thread sends, and the queue of pending deliveries is
 * bounded (when full, the oldest is dropped with a log line). {@link #clear} (reset) and {@link
 * #close} (stop) cancel what is pending.
 */
public final class WebhookSender implements AutoCloseable {
  /** The only answer Rafiki counts as delivered. */
  static final int DELIVERED_STATUS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final URI target;
  private final String shownTarget;
  private final WebhookConfig config;
  private final Function<String, WebhookBody> bodyShapes;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final HttpClient client;
  private final Map<UUID, Pending> pending = new LinkedHashMap<>();

  /**
   * @param bodyShapes the webhook body each provider (by name) sends, from its profile
   * @param clock real time: signature timestamps and the delivery times the admin API shows
   */
  public WebhookSender(
      URI target, WebhookConfig config, Function<String, WebhookBody> bodyShapes, Clock clock) {
    this.target = target;
    // A receiver's URL may carry a token in its query or user info: logs show neither.
    this.shownTarget =
        target.getScheme() + "://" + target.getHost() + portOf(target) + target.getRawPath();
    this.config = config;
    this.bodyShapes = bodyShapes;
    this.clock = clock;
    ScheduledThreadPoolExecutor thread =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread sender = new Thread(r, "sandbox-webhooks");
              sender.setDaemon(true);
              return sender;
            });
    // A cancelled retry (reset, dropped) leaves the queue at once instead of at its due time.
    thread.setRemoveOnCancelPolicy(true);
    this.executor = thread;
    this.client =
        HttpClient.newBuilder().connectTimeout(config.timeout()).executor(executor).build();
  }

  /** Queues the event's webhook; the first attempt starts at once, in the background. */
  public void deliver(Event event) {
    Pending added = new Pending(event);
    Pending dropped = null;
    synchronized (this) {
      if (pending.size() >= config.queueCapacity()) {
        Iterator<Pending> oldest = pending.values().iterator();
        dropped = oldest.next();
        oldest.remove();
        dropped.cancel(WebhookDelivery.State.DROPPED);
      }
      pending.put(event.id(), added);
      schedule(added, Duration.ZERO);
    }
    if (dropped != null) {
      LOG.warn(
          "webhook queue full ({} pending): dropped {} {} after {} attempts",
          config.queueCapacity(),
          dropped.event.type().wireName(),
          dropped.event.id(),
          dropped.event.webhook().status().attempts());
    }
  }

  /** Cancels every pending delivery (the sandbox was reset). */
  public void clear() {
    List<Pending> cancelled;
    synchronized (this) {
      cancelled = new ArrayList<>(pending.values());
      pending.clear();
    }
    cancelled.forEach(p -> p.cancel(WebhookDelivery.State.CANCELLED));
  }

  @Override
  public void close() {
    clear();
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Call holding this sender's monitor. */
  private void schedule(Pending delivery, Duration wait) {
    try {
      delivery.next =
          executor.schedule(() -> attempt(delivery), wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopped) {
      pending.remove(delivery.event.id(), delivery);
      delivery.event.webhook().end(WebhookDelivery.State.CANCELLED);
    }
  }

  private void attempt(Pending delivery) {
    HttpRequest request;
    // Signed under the monitor: once clear() returns, no attempt signed later can start.
    synchronized (this) {
      if (pending.get(delivery.event.id()) != delivery) {
        return;
      }
      try {
        request = request(delivery);
      } catch (RuntimeException e) {
        LOG.error("webhook {} could not be prepared", delivery.event.id(), e);
        pending.remove(delivery.event.id(), delivery);
        delivery.event.webhook().end(WebhookDelivery.State.FAILED);
        return;
      }
    }
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, failure) -> answered(delivery, response, failure));
  }

  private HttpRequest request(Pending delivery) {
    if (delivery.body == null) {
      String json = Json.write(delivery.event.webhookBody(bodyShapes.apply(delivery.event.ase())));
      delivery.body = json;
      delivery.canonical = config.secret() == null ? null : WebhookSignature.canonical(json);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body));
    if (config.secret() != null) {
      // Signed again on every attempt, with that attempt's time, as Rafiki does.
      request.header(
          WebhookSignature.HEADER,
          WebhookSignature.header(config.secret(), clock.millis(), delivery.canonical));
    }
    return request.build();
  }

  private void answered(Pending delivery, HttpResponse<Void> response, Throwable failure) {
    WebhookDelivery state = delivery.event.webhook();
    String outcome;
    if (response != null) {
      state.answered(response.statusCode(), clock.instant());
      outcome = "answered " + response.statusCode();
      if (response.statusCode() == DELIVERED_STATUS) {
        finish(delivery, WebhookDelivery.State.DELIVERED);
        return;
      }
    } else {
      outcome = describe(failure);
      state.unanswered(outcome);
    }
    int attempts = state.status().attempts();
    String type = delivery.event.type().wireName();
    if (attempts >= config.maxAttempts()) {
      LOG.warn(
          "webhook {} {} to {} {}; attempt {} was the last, giving up",
          type,
          delivery.event.id(),
          shownTarget,
          outcome,
          attempts);
      finish(delivery, WebhookDelivery.State.FAILED);
      return;
    }
    Duration wait = config.waitAfter(attempts);
    synchronized (this) {
      if (pending.get(delivery.event.id()) != delivery) {
        return;
      }
      state.retryAt(clock.instant().plus(wait));
      schedule(delivery, wait);
    }
    LOG.info(
        "webhook {} {} to {} {}; attempt {} of {}, next in {}",
        type,
        delivery.event.id(),
        shownTarget,
        outcome,
        attempts,
        config.maxAttempts(),
        wait);
  }

  private void finish(Pending delivery, WebhookDelivery.State end) {
    synchronized (this) {
      pending.remove(delivery.event.id(), delivery);
    }
    delivery.event.webhook().end(end);
  }

  private static String portOf(URI uri) {
    return uri.getPort() < 0 ? "" : ":" + uri.getPort();
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpTimeoutException) {
      return "timed out";
    }
    String name = cause.getClass().getSimpleName();
    return "failed ("
        + (cause.getMessage() == null ? name : name + ": " + cause.getMessage())
        + ")";
  }

  /** One event's delivery while it is pending; guarded by the sender's monitor. */
  private static final class Pending {
    private final Event event;
    private String body;
    private String canonical;
    private volatile ScheduledFuture<?> next;

    Pending(Event event) {
      this.event = event;
    }

    void cancel(WebhookDelivery.State end) {
      if (next != null) {
        next.cancel(false);
      }
      event.webhook().end(end);
    }
  }
}
