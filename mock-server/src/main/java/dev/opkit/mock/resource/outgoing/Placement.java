package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.spending.GrantSpending;
import dev.opkit.mock.spending.LimitRefusals;
import dev.opkit.mock.spending.LimitVerdict;
import dev.opkit.mock.spending.PaymentSpend;
import dev.opkit.mock.spending.SpendingLimits;
import dev.opkit.mock.spending.SpentAmounts;
import dev.opkit.mock.store.AmountBits;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentState;
import dev.opkit.mock.store.SpendingShare;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The atomic step of a new outgoing payment, one transaction: the quote is unused and unexpired,
 * the receiver can take the amount, the grant's limits allow it in the current window, and the
 * sender has the money; then the quote is used, the grant's window counts the payment, and the
 * debit amount is reserved (and, without a processing delay, settled). A payment whose sender lacks
 * the money is created failed (as a wallet that declines to fund it), never partly debited. The
 * wallets are taken for update first (by id), then the grant's spending.
 */
final class Placement {
  private Placement() {}

  /**
   * A payment just placed.
   *
   * @param payment the payment as committed
   * @param grantSpent its grant's spent amounts to report
   * @param settled how it settled, or null when it waits (or was declined unfunded)
   * @param funded whether its debit amount was reserved
   */
  record Placed(
      OutgoingPaymentRecord payment,
      SpentAmounts grantSpent,
      Settlement.Settled settled,
      boolean funded) {}

  static Placed place(
      Tx tx,
      SessionAse ase,
      CreateOutgoingPaymentRequest body,
      Grantee grantee,
      Duration delay,
      long realNowMillis) {
    BehaviourProfile profile = ase.profile();
    SpendingLimits limits = SpendingLimits.from(grantee.access().limits());
    WalletRecord found = WalletService.onResourceServer(tx, ase, body.walletAddress());
    Instant now = ase.session().now(tx);
    Order order = Order.of(tx, ase, found, body, now);
    Settlement.takeWallets(tx, found.id(), order.receiver().wallet());
    WalletRecord sender = tx.wallets().forUpdate(found.id()).orElseThrow();
    order.checkStillValid(now);
    String receiverUrl = IncomingPaymentService.url(ase.session(), order.receiver());
    Optional<String> refusal =
        Settlement.refusal(
            tx, ase.session(), sender.id(), order.debit(), order.receiver(), order.receive(), now);
    if (refusal.isPresent()) {
      throw new ApiException(
          400,
          order.quote() != null ? ErrorCodes.INVALID_QUOTE : ErrorCodes.INVALID_RECEIVER,
          refusal.get());
    }
    LimitVerdict verdict =
        GrantSpending.check(
            tx.spending(),
            grantee.grantId(),
            limits,
            new PaymentSpend(receiverUrl, order.debit(), order.receive()),
            now,
            profile.windowCounting());
    if (verdict instanceof LimitVerdict.Refused refused) {
      throw LimitRefusals.toError(refused);
    }
    LimitVerdict.Allowed allowed = (LimitVerdict.Allowed) verdict;
    OutgoingPaymentRecord payment =
        created(
            order.quote() != null ? order.quote().id() : UUID.randomUUID(),
            sender,
            order,
            tx.nextSequence(),
            now,
            body.metadata(),
            grantee.client(),
            grantee.grantId());
    if (order.quote() != null) {
      tx.quotes().save(order.quote().markUsed());
    }
    String url = OutgoingPaymentViews.url(ase, payment);
    BigInteger available = Ledger.balance(tx.ledger(), WalletService.available(sender));
    if (available.compareTo(order.debit().value()) < 0) {
      OutgoingPaymentRecord declined =
          payment.failed(
              "insufficient balance: "
                  + ase.walletUrl(sender.id())
                  + " has "
                  + HumanUnits.format(Amount.of(available, sender.asset()))
                  + " available, the payment needs "
                  + HumanUnits.format(order.debit()));
      tx.outgoingPayments().save(declined);
      return new Placed(declined, allowed.before(), null, false);
    }
    SpendingShare share = GrantSpending.commit(tx.spending(), grantee.grantId(), allowed);
    Settlement.reserve(tx, sender, payment, url);
    OutgoingPaymentRecord reserved =
        payment.reserved(share, delay.isZero() ? 0 : realNowMillis + delay.toMillis());
    tx.outgoingPayments().save(reserved);
    Settlement.Settled settled =
        delay.isZero() ? Settlement.settle(tx, ase.session(), reserved, now) : null;
    OutgoingPaymentRecord result = settled == null ? reserved : settled.payment();
    boolean counted =
        profile.grantSpentIncludesPayment() && result.state() != OutgoingPaymentState.FAILED;
    return new Placed(result, counted ? allowed.after() : allowed.before(), settled, true);
  }

  /** A payment in progress, not yet reserved. */
  static OutgoingPaymentRecord created(
      UUID id,
      WalletRecord sender,
      Order order,
      long sequence,
      Instant now,
      Map<String, Object> metadata,
      String client,
      String grantId) {
    return new OutgoingPaymentRecord(
        id,
        sender.id(),
        sender.asset(),
        order.receiver().id(),
        order.receiver().wallet(),
        order.receiver().asset(),
        sequence,
        AmountBits.of(order.debit()),
        AmountBits.of(order.fee()),
        AmountBits.of(order.receive()),
        0,
        now.toEpochMilli(),
        0,
        order.quote() != null,
        metadata,
        client,
        grantId,
        OutgoingPaymentState.PROCESSING,
        null,
        null);
  }
}
