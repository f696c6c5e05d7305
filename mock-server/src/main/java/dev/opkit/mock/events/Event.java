package dev.opkit.mock.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened at one wallet provider, as its event log shows it and its webhook
 * delivers it.
 *
 * @param sequence the position in the provider's log, the cursor of {@code GET /admin/events}
 * @param id a unique id, so a webhook receiver can drop duplicates
 * @param type what happened
 * @param createdAt when, by the sandbox clock
 * @param ase the provider's name
 * @param data the resource as the resource server renders it
 */
public record Event(
    long sequence, UUID id, EventType type, Instant createdAt, String ase, JsonNode data) {

  /** The webhook body: {@code {id, type, createdAt, ase, data}}. */
  @JsonIgnore
  public WebhookBody webhookBody() {
    return new WebhookBody(id, type, createdAt, ase, data);
  }

  /** What a webhook POSTs, without the log position. */
  public record WebhookBody(
      UUID id, EventType type, Instant createdAt, String ase, JsonNode data) {}
}
