package dev.opkit.mock.auth.grant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.Tx;
import dev.opkit.protocol.json.Json;

/** Publishes a grant's life in its provider's event log ({@code grant.requested} and so on). */
public final class GrantEvents {
  private final Events events;

  public GrantEvents(Events events) {
    this.events = events;
  }

  /** Publishes an event about a grant (its id, client, state and access) with the transaction. */
  public void publish(Tx tx, SessionAse ase, EventType type, GrantRecord grant) {
    events.publish(tx, ase, type, EventData.rendering(() -> data(grant)));
  }

  private static ObjectNode data(GrantRecord grant) {
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("id", grant.id());
    data.put("client", grant.client().id());
    data.put("state", grant.state().wireName());
    data.put("interactive", grant.interactionIfAny().isPresent());
    data.set("access", Json.toTree(grant.access()));
    grant.subjectIfAny().ifPresent(s -> data.set("subject", Json.toTree(s)));
    return data;
  }
}
