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
import java.math.BigInteger;
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

  /**
   * Whether the receiver can take {@code receive} from {@code sender} at {@code now}: the incoming
   * payment can (see {@link IncomingPaymentService#refusal}) and its wallet's money stays at most
   * 2^64 - 1 once the payment settled. Checked before a payment touches anything, and again when a
   * delayed payment settles; call with both wallets' locks held.
   *
   * @param debit what the payment takes from the sender (it leaves the receiving wallet too when a
   *     wallet pays itself)
   * @return empty when it can, else why not
   */
  Optional<String> refusal(
      Wallet sender, Amount debit, IncomingPaymentRecord receiver, Amount receive, Instant now) {
    Optional<String> refusal = incoming.refusal(receiver, receive, now);
    if (refusal.isPresent()) {
      return refusal;
    }
    Wallet payee = receiver.wallet();
    BigInteger holds = ledger.walletMoney(payee.account());
    BigInteger leaves = payee == sender ? debit.value() : BigInteger.ZERO;
    if (holds.subtract(leaves).add(receive.value()).compareTo(Ledger.MAX_BALANCE) > 0) {
      return Optional.of(
          "the receiving wallet address "
              + payee.url()
              + " holds "
              + holds
              + " "
              + payee.asset()
              + " and cannot take "
              + receive.value()
              + " more: a wallet holds at most 2^64 - 1");
    }
    return Optional.empty();
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
    Optional<String> refusal =
        refusal(sender, payment.debitAmount(), receiver, payment.receiveAmount(), now);
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
      // Not expected after the refusal check; the transfer changed nothing, so fail cleanly.
      fail(payment, e.getMessage());
      return Outcome.FAILED;
    }
    boolean receiverCompleted = incoming.receive(receiver, payment.receiveAmount());
    payment.completed();
    return receiverCompleted ? Outcome.COMPLETED_RECEIVER : Outcome.COMPLETED;
  }

  /**
   * Moves the sum of many preloaded payments at once: the same postings as settling each, added up.
   * The receiver takes the total; check {@link #refusal} first.
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
