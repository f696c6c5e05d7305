package dev.opkit.mock.events;

import dev.opkit.mock.session.Session;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.Transactions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One {@link WebhookSender} per session that has a webhook URL, made on its first event; all of
 * them share one background thread and one HTTP client. A session's reset or discard cancels its
 * pending deliveries; {@link #close} stops every sender.
 */
public final class WebhookSenders implements AutoCloseable {
  private final Transactions storage;
  private final WebhookConfig config;
  private final Clock realClock;
  private final ScheduledThreadPoolExecutor executor;
  private HttpClient client;
  private final ConcurrentMap<SessionId, WebhookSender> senders = new ConcurrentHashMap<>();

  public WebhookSenders(Transactions storage, WebhookConfig config, Clock realClock) {
    this.storage = storage;
    this.config = config;
    this.realClock = realClock;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread sender = new Thread(r, "sandbox-webhooks");
              sender.setDaemon(true);
              return sender;
            });
    // A cancelled retry (reset, dropped) leaves the queue at once instead of at its due time.
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * The HTTP client, built with the first sender: the first {@link HttpClient} of a JVM sets up TLS
   * (the JDK's CA certificates), a quarter of a second on an idle machine and a second under load,
   * which a sandbox without webhooks never needs.
   */
  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(config.timeout()).executor(executor).build();
    }
    return client;
  }

  /** Whether the session's events go to a webhook. */
  public boolean active(Session session) {
    return session.config().webhookUrl() != null;
  }

  /** Queues an event of the session for its webhook (nothing when it has none). */
  public void deliver(Session session, EventRecord event) {
    sender(session).ifPresent(sender -> sender.deliver(event));
  }

  /** Cancels the session's pending deliveries (reset); its sender stays for new events. */
  public void reset(SessionId session) {
    WebhookSender sender = senders.get(session);
    if (sender != null) {
      sender.clear();
    }
  }

  /** Cancels the session's pending deliveries and forgets its sender (discard). */
  public void discard(SessionId session) {
    WebhookSender sender = senders.remove(session);
    if (sender != null) {
      sender.clear();
    }
  }

  @Override
  public void close() {
    senders.values().forEach(WebhookSender::close);
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<WebhookSender> sender(Session session) {
    String url = session.config().webhookUrl();
    if (url == null) {
      return Optional.empty();
    }
    return Optional.of(
        senders.computeIfAbsent(
            session.id(),
            id ->
                new WebhookSender(
                    id,
                    storage,
                    URI.create(url),
                    config,
                    ase -> session.profile(ase).webhookBody(),
                    realClock,
                    executor,
                    client())));
  }
}
