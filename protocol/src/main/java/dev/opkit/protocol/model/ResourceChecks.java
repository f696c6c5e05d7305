package dev.opkit.protocol.model;

import dev.opkit.protocol.amount.Amount;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a client makes on resource server answers beyond their schemas, the same ones the
 * official Node SDK makes (PROTOCOL.md §7): amounts in one payment share their asset, a new
 * incoming payment has received nothing and is not completed, a completed one says so, and an
 * outgoing payment never sends more than its debit amount nor reports failure after sending all of
 * it.
 */
public final class ResourceChecks {
  private ResourceChecks() {}

  /** Any incoming payment: {@code receivedAmount} is in the asset of {@code incomingAmount}. */
  public static List<Inconsistency> incomingPayment(IncomingPayment payment) {
    List<Inconsistency> found = new ArrayList<>();
    Amount incoming = payment.incomingAmount();
    if (incoming != null && !incoming.sameAsset(payment.receivedAmount())) {
      found.add(
          new Inconsistency(
              "receivedAmount",
              "receivedAmount is in "
                  + payment.receivedAmount().asset()
                  + " but incomingAmount in "
                  + incoming.asset()
                  + "; both must have the same assetCode and assetScale"));
    }
    return found;
  }

  /** An incoming payment just created: nothing received yet, not completed. */
  public static List<Inconsistency> createdIncomingPayment(IncomingPayment payment) {
    List<Inconsistency> found = new ArrayList<>();
    if (!payment.receivedAmount().isZero()) {
      found.add(
          new Inconsistency(
              "receivedAmount",
              "a new incoming payment has received "
                  + payment.receivedAmount()
                  + "; it must start at 0"));
    }
    if (payment.completed()) {
      found.add(new Inconsistency("completed", "a new incoming payment cannot be completed"));
    }
    found.addAll(incomingPayment(payment));
    return found;
  }

  /** An incoming payment after {@code complete}: {@code completed} is true. */
  public static List<Inconsistency> completedIncomingPayment(IncomingPayment payment) {
    List<Inconsistency> found = new ArrayList<>();
    if (!payment.completed()) {
      found.add(
          new Inconsistency(
              "completed", "the incoming payment was completed but says completed=false"));
    }
    found.addAll(incomingPayment(payment));
    return found;
  }

  /**
   * Any outgoing payment: {@code sentAmount} is in the asset of {@code debitAmount}, is not larger,
   * and a payment that sent all of it has not failed.
   */
  public static List<Inconsistency> outgoingPayment(OutgoingPayment payment) {
    List<Inconsistency> found = new ArrayList<>();
    Amount debit = payment.debitAmount();
    Amount sent = payment.sentAmount();
    if (!debit.sameAsset(sent)) {
      found.add(
          new Inconsistency(
              "sentAmount",
              "sentAmount is in "
                  + sent.asset()
                  + " but debitAmount in "
                  + debit.asset()
                  + "; both must have the same assetCode and assetScale"));
      return found;
    }
    if (sent.compareTo(debit) > 0) {
      found.add(
          new Inconsistency(
              "sentAmount",
              "sentAmount " + sent.value() + " is larger than debitAmount " + debit.value()));
    }
    if (sent.compareTo(debit) == 0 && payment.failed()) {
      found.add(
          new Inconsistency(
              "failed", "the payment sent its whole debitAmount but is marked failed"));
    }
    return found;
  }
}
