package dev.opkit.mock.events;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WebhookStatus;

/**
 * Where the sandbox reports what happens: each provider's event log in the session's {@link
 * dev.opkit.mock.store.EventStore} (numbered per session and provider), written in the transaction
 * of the change it reports, and the session's webhook, sent once that transaction committed.
 */
public final class Events {
  private final WebhookSenders webhooks;

  public Events(WebhookSenders webhooks) {
    this.webhooks = webhooks;
  }

  /**
   * Records an event of a provider in the transaction, timestamped by the session clock; its
   * webhook (when the session has one) is queued once the transaction commits, never when it fails.
   */
  public void publish(Tx tx, SessionAse ase, EventType type, EventData data) {
    boolean webhook = webhooks.active(ase.session());
    EventRecord event =
        tx.events()
            .append(
                ase.name(),
                type,
                ase.session().now(tx),
                data,
                webhook ? WebhookStatus.pending() : null);
    if (webhook) {
      tx.afterCommit(() -> webhooks.deliver(ase.session(), event));
    }
  }
}
