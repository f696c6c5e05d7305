package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored outgoing payment, kept small (a benchmark keeps a million): amounts as primitive longs,
 * references by id, the quote id equal to the payment id (a payment made from a quote takes the
 * quote's UUID, as Rafiki does). A change is a new version saved through the store.
 *
 * @param id its id, the last segment of its URL
 * @param wallet the sending wallet
 * @param asset the sending wallet's asset
 * @param receiver the incoming payment it pays
 * @param receiverWallet the wallet of that incoming payment
 * @param receiveAsset that wallet's asset
 * @param sequence creation order within the session; the lists' sort key
 * @param debitBits the debit amount, fee included
 * @param feeBits the fee inside the debit amount
 * @param receiveBits what the receiver gets
 * @param sentBits the debit amount once settled, zero before and when failed
 * @param createdAtMillis when it was created, by the session clock
 * @param dueAtMillis when a payment in progress settles (real time), 0 when it is not waiting
 * @param fromQuote whether it was made from a quote
 * @param metadata the client's metadata, or null
 * @param client the client wallet address that created it, or null when the sandbox did
 * @param grantId the grant it was created under, or null when the sandbox created it
 * @param state where it is in its life
 * @param failureReason why it failed, or null
 * @param share its share of the grant's spent amounts while it may still fail, or null
 */
public record OutgoingPaymentRecord(
    UUID id,
    WalletId wallet,
    Asset asset,
    UUID receiver,
    WalletId receiverWallet,
    Asset receiveAsset,
    long sequence,
    long debitBits,
    long feeBits,
    long receiveBits,
    long sentBits,
    long createdAtMillis,
    long dueAtMillis,
    boolean fromQuote,
    Map<String, Object> metadata,
    String client,
    String grantId,
    OutgoingPaymentState state,
    String failureReason,
    SpendingShare share)
    implements StoredPayment {

  public OutgoingPaymentRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(receiverWallet, "receiverWallet");
    Objects.requireNonNull(receiveAsset, "receiveAsset");
    Objects.requireNonNull(state, "state");
    metadata = Records.frozen(metadata);
  }

  /** A payment in progress waits for its delayed settlement. */
  @Override
  public boolean waitsForTime() {
    return waiting();
  }

  @Override
  public long waitsUntilMillis() {
    return dueAtMillis;
  }

  public Amount debitAmount() {
    return AmountBits.amount(debitBits, asset);
  }

  /** The fee inside the debit amount. */
  public Amount fee() {
    return AmountBits.amount(feeBits, asset);
  }

  /** What crosses to the receiver before conversion: debit minus fee. */
  public Amount sentAcross() {
    return debitAmount().minus(fee());
  }

  public Amount receiveAmount() {
    return AmountBits.amount(receiveBits, receiveAsset);
  }

  /** The debit amount once settled, zero before and when failed. */
  public Amount sentAmount() {
    return AmountBits.amount(sentBits, asset);
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  public Optional<Map<String, Object>> metadataIfAny() {
    return Optional.ofNullable(metadata);
  }

  public Optional<String> failureReasonIfAny() {
    return Optional.ofNullable(failureReason);
  }

  public Optional<SpendingShare> shareIfAny() {
    return Optional.ofNullable(share);
  }

  /** Whether it waits for a delayed settlement. */
  public boolean waiting() {
    return state == OutgoingPaymentState.PROCESSING && dueAtMillis > 0;
  }

  /** This payment settled: the debit amount was sent; its share can no longer be given back. */
  public OutgoingPaymentRecord completed() {
    return next(debitBits, 0, OutgoingPaymentState.COMPLETED, null, null);
  }

  /** This payment failed for a reason; nothing was sent. */
  public OutgoingPaymentRecord failed(String reason) {
    return next(0, 0, OutgoingPaymentState.FAILED, Objects.requireNonNull(reason), null);
  }

  /** This payment in progress with its reserved share, settling at {@code dueAt} (0: at once). */
  public OutgoingPaymentRecord reserved(SpendingShare reservedShare, long dueAt) {
    return next(sentBits, dueAt, state, failureReason, reservedShare);
  }

  private OutgoingPaymentRecord next(
      long sent, long due, OutgoingPaymentState nextState, String reason, SpendingShare nextShare) {
    return new OutgoingPaymentRecord(
        id,
        wallet,
        asset,
        receiver,
        receiverWallet,
        receiveAsset,
        sequence,
        debitBits,
        feeBits,
        receiveBits,
        sent,
        createdAtMillis,
        due,
        fromQuote,
        metadata,
        client,
        grantId,
        nextState,
        reason,
        nextShare);
  }
}
