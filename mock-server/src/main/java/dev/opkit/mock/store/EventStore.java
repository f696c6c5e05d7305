package dev.opkit.mock.store;

import java.time.Instant;

/** A session's event logs, inside a transaction. */
public interface EventStore {
  /**
   * Records an event of a provider with the next sequence of its log, visible once the transaction
   * commits.
   */
  EventRecord append(
      String ase, EventType type, Instant createdAt, EventData data, WebhookStatus webhook);

  /**
   * Saves how an event's webhook delivery goes now; nothing when the log no longer keeps the event
   * (it gave way to newer ones, or the session was reset).
   */
  void saveWebhook(String ase, long sequence, WebhookStatus status);
}
