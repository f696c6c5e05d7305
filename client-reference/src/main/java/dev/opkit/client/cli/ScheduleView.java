package dev.opkit.client.cli;

import dev.opkit.client.recurring.PaymentRecord;
import dev.opkit.client.recurring.ScheduleState;
import dev.opkit.client.recurring.ScheduleStatus;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.json.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A schedule as {@code opm} shows it, without secrets (no tokens): for people as aligned lines, for
 * machines as JSON. {@code paid} counts only payments that completed.
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
      String sentAmount,
      Instant at,
      String detail,
      int attempts,
      Instant retryUntil) {}

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
                        format(p.debitAmount()),
                        format(p.receiveAmount()),
                        format(p.sentAmount()),
                        p.createdAt(),
                        p.detail(),
                        p.attempts(),
                        p.retryUntil()))
            .toList(),
        state.nextDue(),
        stateFile,
        state.createdAt(),
        state.updatedAt());
  }

  private static String format(Amount amount) {
    return amount == null ? null : HumanUnits.format(amount);
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
                  "  %3d  %-7s %s  %s",
                  payment.number(),
                  payment.outcome().name().toLowerCase(Locale.ROOT),
                  Timestamps.format(payment.at()),
                  what(payment))
              .stripTrailing());
      if (payment.outcome() == PaymentRecord.Outcome.FAILED) {
        console.line(
            " ".repeat(15)
                + payment.detail()
                + (payment.attempts() > 1 ? "; " + payment.attempts() + " payments tried" : "")
                + (payment.retryUntil() == null
                    ? ""
                    : "; paid again by the next run until "
                        + Timestamps.format(payment.retryUntil())));
      }
    }
    if (nextDue != null) {
      console.field("next due", Timestamps.format(nextDue));
    }
    if (stateFile != null) {
      console.field("state file", stateFile);
    }
  }

  private static String what(PaymentView payment) {
    return switch (payment.outcome()) {
      case PAID ->
          payment.outgoingPayment()
              + "  debit "
              + payment.debitAmount()
              + ", receive "
              + payment.receiveAmount();
      case PENDING ->
          payment.outgoingPayment()
              + "  in progress: "
              + payment.sentAmount()
              + " of "
              + payment.debitAmount()
              + " sent";
      case FAILED -> payment.outgoingPayment() + "  " + payment.sentAmount() + " sent";
      case MISSED -> "";
    };
  }

  /** The exit code for a schedule in this state after a command ran it. */
  static int exitCode(ScheduleState state) {
    return switch (state.status()) {
      case CONSENT_REJECTED, CONSENT_FAILED -> ExitCodes.CONSENT;
      case LIMIT_SPENT, LIMIT_REDUCED, GRANT_OVER, REVOKED, REFUSED, PAYMENT_FAILED ->
          ExitCodes.STOPPED;
      case ACTIVE ->
          state.payments().stream().anyMatch(p -> p.pending() || p.retryable())
              ? ExitCodes.NOT_PAID_YET
              : ExitCodes.OK;
      default -> ExitCodes.OK;
    };
  }
}
