package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.ledger.Account;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.Transfer;
import dev.opkit.mock.resource.quote.Priced;
import dev.opkit.mock.resource.quote.QuoteService;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * Bulk preload for benchmarks: many completed outgoing payments of one debit amount each from one
 * sender into one incoming payment. The money really moves (in one ledger transfer, the sum of the
 * payments), so the books stay balanced; no events are published and no grant is charged.
 */
public final class OutgoingPreload {
  private OutgoingPreload() {}

  /**
   * Preloads {@code count} payments inside a transaction.
   *
   * @param client the client recorded as their creator, or null for the sandbox
   * @throws ApiException 400 when the sender lacks the money for all of them or the receiving
   *     wallet cannot take it
   */
  public static void preload(
      Tx tx,
      Session session,
      WalletRecord sender,
      IncomingPaymentRecord receiver,
      int count,
      Amount debit,
      String client) {
    Priced price = QuoteService.priceFixedSend(session, debit, receiver.asset());
    BigInteger times = BigInteger.valueOf(count);
    Amount total = bulk(price.debit(), times, "debit");
    Amount received = bulk(price.receive(), times, "receive");
    Settlement.takeWallets(tx, sender.id(), receiver.wallet());
    BigInteger available = Ledger.balance(tx.ledger(), WalletService.available(sender));
    if (available.compareTo(total.value()) < 0) {
      throw ApiException.badRequest(
          count
              + " payments of "
              + HumanUnits.format(debit)
              + " need "
              + HumanUnits.format(total)
              + " but "
              + session.at(sender.id().ase()).walletUrl(sender.id())
              + " has "
              + HumanUnits.format(Amount.of(available, sender.asset()))
              + "; set its balance first");
    }
    BigInteger holds = Ledger.walletMoney(tx.ledger(), receiver.wallet());
    BigInteger leaves = receiver.wallet().equals(sender.id()) ? total.value() : BigInteger.ZERO;
    if (holds.subtract(leaves).add(received.value()).compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          count
              + " payments of "
              + HumanUnits.format(debit)
              + " deliver "
              + received.value()
              + " but the receiving wallet address "
              + session.at(receiver.wallet().ase()).walletUrl(receiver.wallet())
              + " holds "
              + holds
              + " and a wallet holds at most 2^64 - 1; lower its balance first");
    }
    Instant now = session.now(tx);
    Order order = new Order(null, null, receiver, price.debit(), price.fee(), price.receive());
    for (int i = 0; i < count; i++) {
      OutgoingPaymentRecord payment =
          Placement.created(
              UUID.randomUUID(), sender, order, tx.nextSequence(), now, null, client, null);
      tx.outgoingPayments().save(payment.completed());
    }
    Ledger.post(
        tx.ledger(),
        Transfer.builder("preload payments from " + sender.id())
            .move(
                WalletService.available(sender),
                Account.system(AccountKind.FEES, sender.asset()),
                price.fee().value().multiply(times))
            .move(
                WalletService.available(sender),
                Account.system(AccountKind.LIQUIDITY, sender.asset()),
                price.sent().value().multiply(times))
            .move(
                Account.system(AccountKind.LIQUIDITY, receiver.asset()),
                Account.available(receiver.wallet(), receiver.asset()),
                received.value())
            .build());
    tx.incomingPayments().save(receiver.receive(received));
  }

  /** {@code times} the amount, refused with 400 when the sum is no amount. */
  private static Amount bulk(Amount each, BigInteger times, String what) {
    BigInteger sum = each.value().multiply(times);
    if (sum.compareTo(Ledger.MAX_BALANCE) > 0) {
      throw ApiException.badRequest(
          times
              + " payments of "
              + HumanUnits.format(each)
              + " "
              + what
              + " "
              + sum
              + " in total, more than an amount can express (2^64 - 1)");
    }
    return Amount.of(sum, each.asset());
  }
}
