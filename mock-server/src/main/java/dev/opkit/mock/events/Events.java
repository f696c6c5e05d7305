package dev.opkit.mock.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.Tx;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the sandbox reports what happens: each wallet provider's {@link EventLog}, and the optional
 * webhook. Call it after releasing every lock; it never blocks on the network.
 */
public final class Events {
  private final Clock clock;
  private final int capacity;
  private final Map<String, EventLog> logs = new ConcurrentHashMap<>();
  private final Optional<WebhookSender> webhooks;

  public Events(Clock clock, int capacity, Optional<WebhookSender> webhooks) {
    this.clock = clock;
    this.capacity = capacity;
    this.webhooks = webhooks;
  }

  /** Records an event of a provider, timestamped by the sandbox clock, and sends its webhook. */
  public Event publish(String ase, EventType type, JsonNode data) {
    Event event =
        log(ase)
            .record(
                type,
                clock.instant(),
                ase,
                data,
                webhooks.isPresent() ? new WebhookDelivery() : null);
    webhooks.ifPresent(w -> w.deliver(event));
    return event;
  }

  /**
   * Records an event of a provider in a session once the transaction commits (never when it fails),
   * and sends its webhook.
   */
  public void publish(Tx tx, SessionAse ase, EventType type, JsonNode data) {
    tx.afterCommit(() -> publish(ase.name(), type, data));
  }

  /** The event log of a provider. */
  public EventLog log(String ase) {
    return logs.computeIfAbsent(ase, a -> new EventLog(capacity));
  }

  /** Empties every log (sequences keep growing) and cancels pending webhook deliveries. */
  public void clear() {
    webhooks.ifPresent(WebhookSender::clear);
    logs.values().forEach(EventLog::clear);
  }
}
