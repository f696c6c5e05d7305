package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.auth.limits.GrantSpending;
import dev.opkit.mock.ledger.AccountKind;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.LedgerException;
import dev.opkit.mock.ledger.Transfer;
import dev.opkit.mock.resource.incoming.IncomingPaymentRecord;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves a reserved payment's money: the sandbox is the network, so a payment settles in-process
 * across providers. The fee goes to the fees account, the rest crosses through the network's
 * liquidity in the sender's asset and comes out in the receiver's asset. A payment that cannot
 * settle fails and returns its reservation to the sender and to its grant's window. Call with the
 * sending and receiving wallets' locks held.
 */
final class Settlement {
  private final Ledger ledger;
  private final IncomingPaymentService incoming;
  private final GrantSpending spending;

  Settlement(Ledger ledger, IncomingPaymentService incoming, GrantSpending spending) {
    this.ledger = ledger;
    this.incoming = incoming;
    this.spending = spending;
  }

  /** What settling did, so the caller can publish the events after unlocking. */
  enum Outcome {
    COMPLETED,
    COMPLETED_RECEIVER,
    FAILED
  }

  /** Reserves the debit amount: available balance to reserved. */
  void reserve(OutgoingPaymentRecord payment) {
    Wallet sender = payment.wallet();
    ledger.post(
        Transfer.builder("reserve outgoing payment " + payment.url())
            .move(sender.account(), sender.reserved(), payment.debitAmount().value())
            .build());
  }

  /** Settles or fails a payment whose debit amount is reserved. */
  Outcome settle(OutgoingPaymentRecord payment, Instant now) {
    Wallet sender = payment.wallet();
    if (sender.takeForcedFailure()) {
      fail(payment, "made to fail by the admin API (failures of " + sender.url() + ")");
      return Outcome.FAILED;
    }
    IncomingPaymentRecord receiver = payment.receiver();
    Optional<String> refusal = incoming.refusal(receiver, payment.receiveAmount(), now);
    if (refusal.isPresent()) {
      fail(payment, refusal.get());
      return Outcome.FAILED;
    }
    Wallet payee = receiver.wallet();
    try {
      ledger.post(
          Transfer.builder("settle outgoing payment " + payment.url())
              .move(
                  sender.reserved(),
                  ledger.system(AccountKind.FEES, sender.asset()),
                  payment.fee().value())
              .move(
                  sender.reserved(),
                  ledger.system(AccountKind.LIQUIDITY, sender.asset()),
                  payment.sentAcross().value())
              .move(
                  ledger.system(AccountKind.LIQUIDITY, payee.asset()),
                  payee.account(),
                  payment.receiveAmount().value())
              .build());
    } catch (LedgerException e) {
      fail(payment, e.getMessage());
      return Outcome.FAILED;
    }
    boolean receiverCompleted = incoming.receive(receiver, payment.receiveAmount());
    payment.completed();
    return receiverCompleted ? Outcome.COMPLETED_RECEIVER : Outcome.COMPLETED;
  }

  /**
   * Moves the sum of many preloaded payments at once: the same postings as settling each, added up.
   * The receiver takes the total.
   */
  void settleInBulk(
      Wallet sender, IncomingPaymentRecord receiver, Amount fees, Amount sent, Amount received) {
    Wallet payee = receiver.wallet();
    ledger.post(
        Transfer.builder("preload payments from " + sender.url())
            .move(sender.account(), ledger.system(AccountKind.FEES, sender.asset()), fees.value())
            .move(
                sender.account(),
                ledger.system(AccountKind.LIQUIDITY, sender.asset()),
                sent.value())
            .move(
                ledger.system(AccountKind.LIQUIDITY, payee.asset()),
                payee.account(),
                received.value())
            .build());
    incoming.receive(receiver, received);
  }

  /** Returns the reservation to the sender and the grant; the payment is failed. */
  void fail(OutgoingPaymentRecord payment, String reason) {
    Wallet sender = payment.wallet();
    ledger.post(
        Transfer.builder("return the reservation of failed payment " + payment.url())
            .move(sender.reserved(), sender.account(), payment.debitAmount().value())
            .build());
    payment.reservation().ifPresent(spending::release);
    payment.failed(reason);
  }
}
