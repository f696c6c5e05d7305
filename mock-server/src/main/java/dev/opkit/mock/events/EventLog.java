package dev.opkit.mock.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The last events of one wallet provider, oldest first, bounded so that a long benchmark does not
 * fill the heap. Readers page forward with the sequence of the last event they saw.
 */
public final class EventLog {
  private final int capacity;
  private final Deque<Event> events = new ArrayDeque<>();
  private long lastSequence;

  public EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("an event log needs room for at least one event");
    }
    this.capacity = capacity;
  }

  /**
   * Appends an event with the next sequence number, dropping the oldest when full.
   *
   * @param webhook its webhook delivery, or null when there is no webhook
   */
  public synchronized Event record(
      EventType type, Instant createdAt, String ase, JsonNode data, WebhookDelivery webhook) {
    Event event = new Event(++lastSequence, UUID.randomUUID(), type, createdAt, ase, data, webhook);
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
    return event;
  }

  /** Up to {@code limit} events with a sequence greater than {@code after}, oldest first. */
  public synchronized List<Event> after(long after, int limit) {
    List<Event> page = new ArrayList<>(Math.min(limit, events.size()));
    if (events.isEmpty() || events.getLast().sequence() <= after) {
      return page;
    }
    for (Iterator<Event> it = events.iterator(); it.hasNext() && page.size() < limit; ) {
      Event event = it.next();
      if (event.sequence() > after) {
        page.add(event);
      }
    }
    return page;
  }

  /** Up to {@code limit} of the newest events that pass {@code filter}, newest first. */
  public synchronized List<Event> newest(int limit, Predicate<Event> filter) {
    List<Event> page = new ArrayList<>(Math.min(limit, events.size()));
    for (Iterator<Event> it = events.descendingIterator(); it.hasNext() && page.size() < limit; ) {
      Event event = it.next();
      if (filter.test(event)) {
        page.add(event);
      }
    }
    return page;
  }

  /** The sequence of the newest event, 0 when none happened yet. */
  public synchronized long lastSequence() {
    return lastSequence;
  }

  /** Forgets every event; sequences keep growing so old cursors stay meaningful. */
  public synchronized void clear() {
    events.clear();
  }
}
