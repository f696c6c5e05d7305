package dev.opkit.client.cli;

import dev.opkit.client.recurring.PaymentRecord;
import dev.opkit.client.recurring.ScheduleState;
import dev.opkit.client.recurring.ScheduleStatus;
import dev.opkit.protocol.amount.HumanUnits;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A schedule as {@code opm} shows it, without secrets (no tokens): for people as aligned lines, for
 * machines as JSON.
 */
record ScheduleView(
    String id,
    ScheduleStatus status,
    String statusDetail,
    String client,
    String sender,
    String receiver,
    String side,
    String amount,
    String interval,
    long paid,
    List<PaymentView> payments,
    Instant nextDue,
    String stateFile,
    Instant createdAt,
    Instant updatedAt) {

  /** One period as shown. */
  record PaymentView(
      long number,
      PaymentRecord.Outcome outcome,
      String outgoingPayment,
      String debitAmount,
      String receiveAmount,
      Instant at) {}

  static ScheduleView of(ScheduleState state, String stateFile) {
    return new ScheduleView(
        state.id(),
        state.status(),
        state.statusDetail(),
        state.clientWalletAddress(),
        state.sender().id(),
        state.receiver().id(),
        state.side().name().toLowerCase(Locale.ROOT),
        HumanUnits.format(state.amount()),
        state.interval(),
        state.paidCount(),
        state.payments().stream()
            .map(
                p ->
                    new PaymentView(
                        p.index() + 1,
                        p.outcome(),
                        p.outgoingPayment(),
                        p.debitAmount() == null ? null : HumanUnits.format(p.debitAmount()),
                        p.receiveAmount() == null ? null : HumanUnits.format(p.receiveAmount()),
                        p.createdAt()))
            .toList(),
        state.nextDue(),
        stateFile,
        state.createdAt(),
        state.updatedAt());
  }

  void print(Console console) {
    console.field("schedule", id + "  " + status);
    if (statusDetail != null) {
      console.field("", statusDetail);
    }
    console.field("from", sender);
    console.field("to", receiver);
    console.field(
        "amount",
        amount
            + (side.equals("debit") ? " debited" : " received")
            + (interval == null ? " once" : " per period of " + interval));
    console.field("paid", paid + " payment" + (paid == 1 ? "" : "s"));
    for (PaymentView payment : payments) {
      console.line(
          String.format(
              "  %3d  %-6s %s  %s",
              payment.number(),
              payment.outcome().name().toLowerCase(Locale.ROOT),
              payment.at(),
              payment.outgoingPayment() == null
                  ? ""
                  : payment.outgoingPayment()
                      + "  debit "
                      + payment.debitAmount()
                      + ", receive "
                      + payment.receiveAmount()));
    }
    if (nextDue != null) {
      console.field("next due", nextDue);
    }
    if (stateFile != null) {
      console.field("state file", stateFile);
    }
  }

  /** The exit code for a schedule in this status after a command ran it. */
  static int exitCode(ScheduleStatus status) {
    return switch (status) {
      case CONSENT_REJECTED, CONSENT_FAILED -> ExitCodes.CONSENT;
      case LIMIT_SPENT, GRANT_OVER, REVOKED, REFUSED -> ExitCodes.STOPPED;
      default -> ExitCodes.OK;
    };
  }
}
