package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.ledger.Account;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.LedgerException;
import dev.opkit.mock.ledger.Transfer;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.IncomingPaymentState;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.protocol.amount.Amount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves a reserved payment's money, inside the transaction that settles it: the sandbox is the
 * network, so a payment settles in-process across providers. The fee goes to the fees account, the
 * rest crosses through the network's liquidity in the sender's asset and comes out in the
 * receiver's asset. A payment that cannot settle fails and returns its reservation to the sender
 * and its share to its grant's window.
 */
final class Settlement {
  private Settlement() {}

  /** What settling did, so the events can be published once it committed. */
  enum Outcome {
    COMPLETED,
    COMPLETED_RECEIVER,
    FAILED
  }

  /**
   * A settled payment.
   *
   * @param payment its new version
   * @param receiver its receiver's new version (when it completed)
   * @param outcome how it ended
   */
  record Settled(OutgoingPaymentRecord payment, IncomingPaymentRecord receiver, Outcome outcome) {}

  /**
   * Whether the receiver can take {@code receive} from {@code sender} at {@code now}: the incoming
   * payment can (see {@link IncomingPaymentService#refusal}) and its wallet's money stays at most
   * 2^64 - 1 once the payment settled. Checked before a payment touches anything, and again when a
   * delayed payment settles.
   *
   * @param debit what the payment takes from the sender (it leaves the receiving wallet too when a
   *     wallet pays itself)
   * @return empty when it can, else why not
   */
  static Optional<String> refusal(
      Tx tx,
      Session session,
      WalletId sender,
      Amount debit,
      IncomingPaymentRecord receiver,
      Amount receive,
      Instant now) {
    Optional<String> refusal = IncomingPaymentService.refusal(session, receiver, receive, now);
    if (refusal.isPresent()) {
      return refusal;
    }
    WalletId payee = receiver.wallet();
    BigInteger holds = Ledger.walletMoney(tx.ledger(), payee);
    BigInteger leaves = payee.equals(sender) ? debit.value() : BigInteger.ZERO;
    if (holds.subtract(leaves).add(receive.value()).compareTo(Ledger.MAX_BALANCE) > 0) {
      return Optional.of(
          "the receiving wallet address "
              + session.at(payee.ase()).walletUrl(payee)
              + " holds "
              + holds
              + " "
              + receiver.asset()
              + " and cannot take "
              + receive.value()
              + " more: a wallet holds at most 2^64 - 1");
    }
    return Optional.empty();
  }

  /** Reserves the debit amount: available balance to reserved. */
  static void reserve(Tx tx, WalletRecord sender, OutgoingPaymentRecord payment, String url) {
    Ledger.post(
        tx.ledger(),
        Transfer.builder("reserve outgoing payment " + url)
            .move(
                Account.available(sender.id(), sender.asset()),
                Account.reserved(sender.id(), sender.asset()),
                payment.debitAmount().value())
            .build());
  }

  /** Takes a payment's wallets for update, in ascending id order. */
  static void takeWallets(Tx tx, WalletId a, WalletId b) {
    boolean aFirst = a.key().compareTo(b.key()) <= 0;
    tx.wallets().forUpdate(aFirst ? a : b);
    if (!a.equals(b)) {
      tx.wallets().forUpdate(aFirst ? b : a);
    }
  }

  /** Settles or fails a payment whose debit amount is reserved; saves what changed. */
  static Settled settle(Tx tx, Session session, OutgoingPaymentRecord payment, Instant now) {
    String url = session.at(payment.wallet().ase()).resourceUrl("outgoing-payments", payment.id());
    takeWallets(tx, payment.wallet(), payment.receiverWallet());
    WalletRecord sender = tx.wallets().forUpdate(payment.wallet()).orElseThrow();
    if (sender.pendingFailures() > 0) {
      tx.wallets().save(sender.withPendingFailures(sender.pendingFailures() - 1));
      return failed(
          tx,
          payment,
          url,
          "made to fail by the admin API (failures of "
              + session.at(sender.id().ase()).walletUrl(sender.id())
              + ")");
    }
    String receiverUrl =
        session
            .at(payment.receiverWallet().ase())
            .resourceUrl("incoming-payments", payment.receiver());
    Optional<IncomingPaymentRecord> found = tx.incomingPayments().forUpdate(payment.receiver());
    if (found.isEmpty()) {
      return failed(tx, payment, url, "the incoming payment " + receiverUrl + " is expired");
    }
    IncomingPaymentRecord receiver = found.get();
    Optional<String> refusal =
        refusal(
            tx,
            session,
            sender.id(),
            payment.debitAmount(),
            receiver,
            payment.receiveAmount(),
            now);
    if (refusal.isPresent()) {
      return failed(tx, payment, url, refusal.get());
    }
    try {
      Ledger.post(
          tx.ledger(),
          Transfer.builder("settle outgoing payment " + url)
              .move(
                  Account.reserved(sender.id(), sender.asset()),
                  Account.system(AccountKind.FEES, sender.asset()),
                  payment.fee().value())
              .move(
                  Account.reserved(sender.id(), sender.asset()),
                  Account.system(AccountKind.LIQUIDITY, sender.asset()),
                  payment.sentAcross().value())
              .move(
                  Account.system(AccountKind.LIQUIDITY, receiver.asset()),
                  Account.available(receiver.wallet(), receiver.asset()),
                  payment.receiveAmount().value())
              .build());
    } catch (LedgerException e) {
      // Not expected after the refusal check; the transfer changed nothing, so fail cleanly.
      return failed(tx, payment, url, e.getMessage());
    }
    IncomingPaymentRecord received = receiver.receive(payment.receiveAmount());
    tx.incomingPayments().save(received);
    OutgoingPaymentRecord completed = payment.completed();
    tx.outgoingPayments().save(completed);
    return new Settled(
        completed,
        received,
        received.state() == IncomingPaymentState.COMPLETED
            ? Outcome.COMPLETED_RECEIVER
            : Outcome.COMPLETED);
  }

  /** Returns the reservation to the sender and the share to the grant; the payment failed. */
  private static Settled failed(Tx tx, OutgoingPaymentRecord payment, String url, String reason) {
    Ledger.post(
        tx.ledger(),
        Transfer.builder("return the reservation of failed payment " + url)
            .move(
                Account.reserved(payment.wallet(), payment.asset()),
                Account.available(payment.wallet(), payment.asset()),
                payment.debitAmount().value())
            .build());
    payment
        .shareIfAny()
        .ifPresent(share -> GrantSpending.release(tx.spending(), payment.grantId(), share));
    OutgoingPaymentRecord failed = payment.failed(reason);
    tx.outgoingPayments().save(failed);
    return new Settled(failed, null, Outcome.FAILED);
  }
}
