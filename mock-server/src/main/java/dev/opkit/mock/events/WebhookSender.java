package dev.opkit.mock.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.profile.BehaviourProfile.WebhookBody;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.UnknownSessionException;
import dev.opkit.mock.store.WebhookStatus;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one session's events as JSON to its webhook URL, as Rafiki's backend does for its wallet
 * providers: signed with {@code Rafiki-Signature} when a secret is configured, counted as delivered
 * only on a 200 answer, retried on Rafiki's schedule ({@link WebhookConfig}). Requests never wait
 * for it: {@link #deliver} only queues; the shared background thread sends, and the queue of
 * pending deliveries is bounded (when full, the oldest is dropped with a log line). How each
 * delivery goes is saved with its event in the session's {@link dev.opkit.mock.store.EventStore},
 * never while this sender's monitor is held. {@link #clear} (reset) cancels what is pending; {@link
 * #close} (stop) stops sending it and leaves it pending in the store.
 */
public final class WebhookSender implements AutoCloseable {
  /** The only answer Rafiki counts as delivered. */
  static final int DELIVERED_STATUS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final SessionId session;
  private final Transactions storage;
  private final URI target;
  private final String shownTarget;
  private final WebhookConfig config;
  private final Function<String, WebhookBody> bodyShapes;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final HttpClient client;
  private final Map<UUID, Pending> pending = new LinkedHashMap<>();

  /**
   * @param session the session whose events it sends, and whose store keeps their delivery state
   * @param bodyShapes the webhook body each provider (by name) sends in the session, from its
   *     profile
   * @param clock real time: signature timestamps and the delivery times the admin API shows
   * @param executor the background thread every sender shares
   * @param client the HTTP client every sender shares (running on {@code executor})
   */
  public WebhookSender(
      SessionId session,
      Transactions storage,
      URI target,
      WebhookConfig config,
      Function<String, WebhookBody> bodyShapes,
      Clock clock,
      ScheduledExecutorService executor,
      HttpClient client) {
    this.session = session;
    this.storage = storage;
    this.target = target;
    // A receiver's URL may carry a token in its query or user info: logs show neither.
    this.shownTarget =
        target.getScheme() + "://" + target.getHost() + portOf(target) + target.getRawPath();
    this.config = config;
    this.bodyShapes = bodyShapes;
    this.clock = clock;
    this.executor = executor;
    this.client = client;
  }

  /** The webhook body of an event in the given shape: {@code {id, type, data}} or more. */
  public static ObjectNode body(EventRecord event, WebhookBody shape) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("id", event.id().toString());
    body.put("type", event.type().wireName());
    if (shape == WebhookBody.WITH_CREATED_AT_AND_ASE) {
      body.set("createdAt", Json.toTree(event.createdAt()));
      body.put("ase", event.ase());
    }
    body.set("data", event.data().json());
    return body;
  }

  /** Queues the event's webhook; the first attempt starts at once, in the background. */
  public void deliver(EventRecord event) {
    Pending added = new Pending(event);
    Pending dropped = null;
    synchronized (this) {
      if (pending.size() >= config.queueCapacity()) {
        Iterator<Pending> oldest = pending.values().iterator();
        dropped = oldest.next();
        oldest.remove();
        dropped.cancel(WebhookStatus.State.DROPPED);
      }
      pending.put(event.id(), added);
      schedule(added, Duration.ZERO);
    }
    if (dropped != null) {
      save(dropped);
      LOG.warn(
          "webhook queue full ({} pending): dropped {} {} after {} attempts",
          config.queueCapacity(),
          dropped.event.type().wireName(),
          dropped.event.id(),
          dropped.status.attempts());
    }
  }

  /** Cancels every pending delivery (the session was reset or discarded, or the sandbox stops). */
  public void clear() {
    List<Pending> cancelled;
    synchronized (this) {
      cancelled = new ArrayList<>(pending.values());
      pending.clear();
      cancelled.forEach(p -> p.cancel(WebhookStatus.State.CANCELLED));
    }
    cancelled.forEach(this::save);
  }

  /**
   * Stops sending (the sandbox stops): what is pending stays pending in the store, so a sandbox
   * started again on the same storage, or another node on it, sends it.
   */
  @Override
  public void close() {
    synchronized (this) {
      pending.values().forEach(p -> p.cancel(WebhookStatus.State.CANCELLED));
      pending.clear();
    }
  }

  /** Call holding this sender's monitor. */
  private void schedule(Pending delivery, Duration wait) {
    try {
      delivery.next =
          executor.schedule(() -> attempt(delivery), wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopped) {
      pending.remove(delivery.event.id(), delivery);
      delivery.status = delivery.status.end(WebhookStatus.State.CANCELLED);
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
        delivery.status = delivery.status.end(WebhookStatus.State.FAILED);
        request = null;
      }
    }
    if (request == null) {
      save(delivery);
      return;
    }
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, failure) -> answered(delivery, response, failure));
  }

  private HttpRequest request(Pending delivery) {
    if (delivery.body == null) {
      String json = Json.write(body(delivery.event, bodyShapes.apply(delivery.event.ase())));
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
    String outcome;
    int attempts;
    synchronized (this) {
      if (pending.get(delivery.event.id()) != delivery) {
        // Dropped or cancelled while the attempt was on its way: that end is its status.
        return;
      }
      if (response != null) {
        boolean delivered = response.statusCode() == DELIVERED_STATUS;
        delivery.status =
            delivery.status.answered(response.statusCode(), delivered, clock.instant());
        outcome = "answered " + response.statusCode();
      } else {
        outcome = describe(failure);
        delivery.status = delivery.status.unanswered(outcome);
      }
      attempts = delivery.status.attempts();
    }
    if (delivery.status.state() == WebhookStatus.State.DELIVERED) {
      finish(delivery, WebhookStatus.State.DELIVERED);
      return;
    }
    String type = delivery.event.type().wireName();
    if (attempts >= config.maxAttempts()) {
      LOG.warn(
          "webhook {} {} to {} {}; attempt {} was the last, giving up",
          type,
          delivery.event.id(),
          shownTarget,
          outcome,
          attempts);
      finish(delivery, WebhookStatus.State.FAILED);
      return;
    }
    Duration wait = config.waitAfter(attempts);
    synchronized (this) {
      if (pending.get(delivery.event.id()) != delivery) {
        return;
      }
      delivery.status = delivery.status.retryAt(clock.instant().plus(wait));
      schedule(delivery, wait);
    }
    save(delivery);
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

  private void finish(Pending delivery, WebhookStatus.State end) {
    synchronized (this) {
      pending.remove(delivery.event.id(), delivery);
      delivery.status = delivery.status.end(end);
    }
    save(delivery);
  }

  /** Saves how the delivery goes with its event; never call holding this sender's monitor. */
  private void save(Pending delivery) {
    WebhookStatus status;
    synchronized (this) {
      status = delivery.status;
    }
    try {
      storage.write(
          session,
          tx -> {
            tx.events().saveWebhook(delivery.event.ase(), delivery.event.sequence(), status);
            return null;
          });
    } catch (UnknownSessionException gone) {
      LOG.debug("session {} was discarded while its webhook {} went", session, delivery.event.id());
    }
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
    private final EventRecord event;
    private WebhookStatus status;
    private String body;
    private String canonical;
    private volatile ScheduledFuture<?> next;

    Pending(EventRecord event) {
      this.event = event;
      this.status = event.webhook() == null ? WebhookStatus.pending() : event.webhook();
    }

    void cancel(WebhookStatus.State end) {
      if (next != null) {
        next.cancel(false);
      }
      status = status.end(end);
    }
  }
}
