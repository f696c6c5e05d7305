package dev.opkit.mock.auth.grant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.events.EventType;
import dev.opkit.mock.events.Events;
import dev.opkit.protocol.json.Json;

/** Publishes a grant's life in its provider's event log ({@code grant.requested} and so on). */
public final class GrantEvents {
  private final Events events;

  public GrantEvents(Events events) {
    this.events = events;
  }

  /** Publishes an event about a grant: its id, client, state and access. */
  public void publish(EventType type, Grant grant) {
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("id", grant.id());
    data.put("client", grant.client().id());
    data.put("state", grant.state().wireName());
    data.put("interactive", grant.interaction().isPresent());
    data.set("access", Json.toTree(grant.access()));
    grant.subject().ifPresent(s -> data.set("subject", Json.toTree(s)));
    events.publish(grant.ase().name(), type, data);
  }
}
