package dev.opkit.mock.resource.outgoing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.resource.incoming.IncomingPaymentViews;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.Tx;
import dev.opkit.protocol.json.Json;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The events of outgoing payments, published once the change they report has committed. */
final class OutgoingPaymentEvents {
  private static final Logger LOG = LoggerFactory.getLogger(OutgoingPaymentEvents.class);

  private final Events events;
  private final IncomingPaymentViews incomingViews;

  OutgoingPaymentEvents(Events events, IncomingPaymentViews incomingViews) {
    this.events = events;
    this.incomingViews = incomingViews;
  }

  /** What a settlement's outcome tells: failed, or completed (and maybe its receiver too). */
  void announce(Tx tx, Session session, Settlement.Settled settled, Instant now) {
    OutgoingPaymentRecord payment = settled.payment();
    SessionAse ase = session.at(payment.wallet().ase());
    switch (settled.outcome()) {
      case FAILED -> {
        tx.afterCommit(
            () ->
                LOG.info(
                    "outgoing payment {} failed: {}",
                    OutgoingPaymentViews.url(ase, payment),
                    payment.failureReasonIfAny().orElse("")));
        publish(tx, ase, EventType.OUTGOING_PAYMENT_FAILED, payment);
      }
      case COMPLETED -> publish(tx, ase, EventType.OUTGOING_PAYMENT_COMPLETED, payment);
      case COMPLETED_RECEIVER -> {
        publish(tx, ase, EventType.OUTGOING_PAYMENT_COMPLETED, payment);
        IncomingPaymentRecord receiver = settled.receiver();
        SessionAse payee = session.at(receiver.wallet().ase());
        events.publish(
            tx,
            payee,
            EventType.INCOMING_PAYMENT_COMPLETED,
            EventData.rendering(
                () -> Json.toTree(incomingViews.withoutMethods(payee, receiver, now))));
      }
    }
  }

  void publish(Tx tx, SessionAse ase, EventType type, OutgoingPaymentRecord payment) {
    events.publish(tx, ase, type, EventData.rendering(() -> data(ase, payment)));
  }

  private static ObjectNode data(SessionAse ase, OutgoingPaymentRecord payment) {
    ObjectNode data = (ObjectNode) Json.toTree(OutgoingPaymentViews.render(ase, payment));
    payment.failureReasonIfAny().ifPresent(reason -> data.put("failureReason", reason));
    if (payment.grantId() != null) {
      data.put("grantId", payment.grantId());
    }
    return data;
  }
}
