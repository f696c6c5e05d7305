package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored incoming payment, kept small (primitive amounts and times, nothing derivable stored)
 * because a benchmark keeps a hundred thousand of them. A change is a new version saved through the
 * store.
 *
 * @param id its id, the last segment of its URL
 * @param wallet the receiving wallet
 * @param asset the receiving wallet's asset (a shared instance)
 * @param sequence creation order within the session; the lists' sort key
 * @param createdAtMillis when it was created, by the session clock
 * @param expiresAtMillis when it expires, by the session clock
 * @param hasIncomingAmount whether it has an incoming amount
 * @param incomingAmountBits the incoming amount's value, when it has one
 * @param metadata the client's metadata, or null
 * @param client the client wallet address that created it, or null when the sandbox did
 * @param receivedBits the amount received so far
 * @param state its stored state; an expiry the sweeper has not seen yet shows only in {@link
 *     #stateAt}
 */
public record IncomingPaymentRecord(
    UUID id,
    WalletId wallet,
    Asset asset,
    long sequence,
    long createdAtMillis,
    long expiresAtMillis,
    boolean hasIncomingAmount,
    long incomingAmountBits,
    Map<String, Object> metadata,
    String client,
    long receivedBits,
    IncomingPaymentState state)
    implements StoredPayment {

  public IncomingPaymentRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(state, "state");
    metadata = Records.frozen(metadata);
  }

  /** A pending payment waits for its expiry. */
  @Override
  public boolean waitsForTime() {
    return state == IncomingPaymentState.PENDING;
  }

  @Override
  public long waitsUntilMillis() {
    return expiresAtMillis;
  }

  /** A new pending payment that received nothing yet. */
  public static IncomingPaymentRecord created(
      UUID id,
      WalletId wallet,
      Asset asset,
      long sequence,
      Instant createdAt,
      Instant expiresAt,
      Amount incomingAmount,
      Map<String, Object> metadata,
      String client) {
    return new IncomingPaymentRecord(
        id,
        wallet,
        asset,
        sequence,
        createdAt.toEpochMilli(),
        expiresAt.toEpochMilli(),
        incomingAmount != null,
        incomingAmount == null ? 0 : AmountBits.of(incomingAmount),
        metadata,
        client,
        0,
        IncomingPaymentState.PENDING);
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAtMillis);
  }

  public Optional<Amount> incomingAmount() {
    return hasIncomingAmount
        ? Optional.of(AmountBits.amount(incomingAmountBits, asset))
        : Optional.empty();
  }

  public Amount receivedAmount() {
    return AmountBits.amount(receivedBits, asset);
  }

  public Optional<Map<String, Object>> metadataIfAny() {
    return Optional.ofNullable(metadata);
  }

  /** The state at an instant: a pending payment past its expiry is expired. */
  public IncomingPaymentState stateAt(Instant now) {
    if (state == IncomingPaymentState.PENDING && now.toEpochMilli() >= expiresAtMillis) {
      return IncomingPaymentState.EXPIRED;
    }
    return state;
  }

  /** What it can still receive under its incoming amount; empty when it has none (no bound). */
  public Optional<Amount> remaining() {
    return incomingAmount().map(total -> total.minus(receivedAmount()));
  }

  /** This payment with {@code amount} more received, completed when that reaches its amount. */
  public IncomingPaymentRecord receive(Amount amount) {
    Amount received = receivedAmount().plus(amount);
    boolean full = incomingAmount().map(total -> received.compareTo(total) >= 0).orElse(false);
    return new IncomingPaymentRecord(
        id,
        wallet,
        asset,
        sequence,
        createdAtMillis,
        expiresAtMillis,
        hasIncomingAmount,
        incomingAmountBits,
        metadata,
        client,
        AmountBits.of(received),
        full ? IncomingPaymentState.COMPLETED : state);
  }

  /** This payment with its expiry moved to {@code at} (its wallet ended it early). */
  public IncomingPaymentRecord expiringAt(Instant at) {
    return new IncomingPaymentRecord(
        id,
        wallet,
        asset,
        sequence,
        createdAtMillis,
        at.toEpochMilli(),
        hasIncomingAmount,
        incomingAmountBits,
        metadata,
        client,
        receivedBits,
        state);
  }

  /** This payment in another state. */
  public IncomingPaymentRecord withState(IncomingPaymentState next) {
    return new IncomingPaymentRecord(
        id,
        wallet,
        asset,
        sequence,
        createdAtMillis,
        expiresAtMillis,
        hasIncomingAmount,
        incomingAmountBits,
        metadata,
        client,
        receivedBits,
        next);
  }
}
