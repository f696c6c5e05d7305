package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An event of the session on one provider ({@code GET /admin/events}).
 *
 * @param sequence its number, rising
 * @param id its id
 * @param type e.g. {@code outgoing_payment.completed}
 * @param createdAt when it happened
 * @param ase the provider
 * @param data the resource as the resource server rendered it
 * @param webhook its delivery state (JSON), or null without a webhook
 */
public record AdminEvent(
    long sequence,
    String id,
    String type,
    Instant createdAt,
    String ase,
    JsonNode data,
    JsonNode webhook) {}
