package dev.opkit.mock.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened at one wallet provider of a session, as its event log shows it and its
 * webhook delivers it.
 *
 * @param sequence the position in the provider's log, the cursor of {@code GET /admin/events}
 * @param id a unique id, so a webhook receiver can drop duplicates
 * @param type what happened
 * @param createdAt when, by the session clock
 * @param ase the provider's name
 * @param data the resource as the resource server rendered it (never changed once recorded)
 * @param webhook how its webhook delivery goes, or null when the session has no webhook
 */
public record EventRecord(
    long sequence,
    UUID id,
    EventType type,
    Instant createdAt,
    String ase,
    EventData data,
    WebhookStatus webhook) {
  public EventRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(data, "data");
  }

  /** This event with its webhook delivery's new state. */
  public EventRecord withWebhook(WebhookStatus status) {
    return new EventRecord(sequence, id, type, createdAt, ase, data, status);
  }
}
