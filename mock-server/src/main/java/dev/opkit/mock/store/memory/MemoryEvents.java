package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventReads;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.EventStore;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.WebhookStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A session's event logs, one per provider. */
final class MemoryEvents implements EventReads {
  private final int capacity;
  private final ConcurrentMap<String, BoundedLog<EventRecord>> logs = new ConcurrentHashMap<>();

  MemoryEvents(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Empty logs that go on numbering after {@code previous}'s, so old cursors keep their meaning.
   */
  MemoryEvents(MemoryEvents previous) {
    this(previous.capacity);
    previous.logs.forEach((ase, log) -> logs.put(ase, new BoundedLog<>(capacity, log.last())));
  }

  @Override
  public List<EventRecord> after(String ase, long after, int limit) {
    BoundedLog<EventRecord> log = logs.get(ase);
    return log == null ? List.of() : log.after(after, limit);
  }

  @Override
  public List<EventRecord> newest(String ase, int limit, Set<EventType> types) {
    BoundedLog<EventRecord> log = logs.get(ase);
    return log == null ? List.of() : log.newest(limit, e -> types.contains(e.type()));
  }

  @Override
  public long lastSequence(String ase) {
    BoundedLog<EventRecord> log = logs.get(ase);
    return log == null ? 0 : log.last();
  }

  Writes writes() {
    return new Writes();
  }

  /** The events one transaction records. */
  final class Writes implements EventStore, Pending {
    private final List<EventRecord> appended = new ArrayList<>();
    private final Map<String, Long> lastByAse = new HashMap<>();
    private final List<Webhook> webhooks = new ArrayList<>();

    @Override
    public EventRecord append(
        String ase, EventType type, Instant createdAt, EventData data, WebhookStatus webhook) {
      long sequence = lastByAse.getOrDefault(ase, lastSequence(ase)) + 1;
      lastByAse.put(ase, sequence);
      EventRecord event =
          new EventRecord(sequence, UUID.randomUUID(), type, createdAt, ase, data, webhook);
      appended.add(event);
      return event;
    }

    @Override
    public void saveWebhook(String ase, long sequence, WebhookStatus status) {
      webhooks.add(new Webhook(ase, sequence, status));
    }

    @Override
    public void commit() {
      for (EventRecord event : appended) {
        logs.computeIfAbsent(event.ase(), a -> new BoundedLog<>(capacity, 0))
            .append(event.sequence(), event);
      }
      for (Webhook webhook : webhooks) {
        BoundedLog<EventRecord> log = logs.get(webhook.ase());
        if (log != null) {
          log.replace(webhook.sequence(), e -> e.withWebhook(webhook.status()));
        }
      }
    }
  }

  /** A webhook delivery's new state, to save at commit. */
  private record Webhook(String ase, long sequence, WebhookStatus status) {}
}
