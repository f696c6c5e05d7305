package dev.opkit.mock.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.profile.BehaviourProfile.WebhookBody;
import dev.opkit.protocol.json.Json;
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
 * @param webhook how its webhook delivery goes, or null when no webhook URL is configured
 */
public record Event(
    long sequence,
    UUID id,
    EventType type,
    Instant createdAt,
    String ase,
    JsonNode data,
    WebhookDelivery webhook) {

  /** The webhook body in the given shape: {@code {id, type, data}} or with createdAt and ase. */
  public ObjectNode webhookBody(WebhookBody shape) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("id", id.toString());
    body.put("type", type.wireName());
    if (shape == WebhookBody.WITH_CREATED_AT_AND_ASE) {
      body.set("createdAt", Json.toTree(createdAt));
      body.put("ase", ase);
    }
    body.set("data", data);
    return body;
  }
}
