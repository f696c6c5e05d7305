package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.resource.ListedResource;
import dev.opkit.mock.resource.StoredAmounts;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored incoming payment, kept small (primitive amounts and times, nothing derivable stored)
 * because a benchmark keeps a hundred thousand of them. Its mutable state changes only under its
 * wallet's lock.
 */
public final class IncomingPaymentRecord implements ListedResource {
  private static final long NO_AMOUNT = 0;

  private final UUID id;
  private final Wallet wallet;
  private final long sequence;
  private final long createdAtMillis;
  private final long expiresAtMillis;
  private final boolean hasIncomingAmount;
  private final long incomingAmountBits;
  private final Map<String, Object> metadata;
  private final String client;
  private volatile long receivedBits;
  private volatile IncomingPaymentState state = IncomingPaymentState.PENDING;

  IncomingPaymentRecord(
      UUID id,
      Wallet wallet,
      long sequence,
      Instant createdAt,
      Instant expiresAt,
      Amount incomingAmount,
      Map<String, Object> metadata,
      String client) {
    this.id = id;
    this.wallet = wallet;
    this.sequence = sequence;
    this.createdAtMillis = createdAt.toEpochMilli();
    this.expiresAtMillis = expiresAt.toEpochMilli();
    this.hasIncomingAmount = incomingAmount != null;
    this.incomingAmountBits =
        incomingAmount == null ? NO_AMOUNT : StoredAmounts.bits(incomingAmount);
    this.metadata = metadata;
    this.client = client;
  }

  @Override
  public UUID id() {
    return id;
  }

  /** The absolute URL, on the provider that owns the wallet. */
  public String url() {
    return wallet.ase().publicBase() + "/incoming-payments/" + id;
  }

  @Override
  public Wallet wallet() {
    return wallet;
  }

  @Override
  public long sequence() {
    return sequence;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAtMillis);
  }

  long expiresAtMillis() {
    return expiresAtMillis;
  }

  public Optional<Amount> incomingAmount() {
    return hasIncomingAmount
        ? Optional.of(StoredAmounts.amount(incomingAmountBits, wallet.asset()))
        : Optional.empty();
  }

  public Amount receivedAmount() {
    return StoredAmounts.amount(receivedBits, wallet.asset());
  }

  public Optional<Map<String, Object>> metadata() {
    return Optional.ofNullable(metadata);
  }

  /** The client wallet address that created it, or null when the sandbox did. */
  @Override
  public String client() {
    return client;
  }

  /** The stored state; an expiry the sweeper has not seen yet shows only in {@link #stateAt}. */
  public IncomingPaymentState state() {
    return state;
  }

  /** The state at an instant: a pending payment past its expiry is expired. */
  public IncomingPaymentState stateAt(Instant now) {
    IncomingPaymentState current = state;
    if (current == IncomingPaymentState.PENDING && !now.isBefore(expiresAt())) {
      return IncomingPaymentState.EXPIRED;
    }
    return current;
  }

  /**
   * What it can still receive at {@code now}: nothing unless pending; the rest of the incoming
   * amount when it has one; else empty (no upper bound).
   */
  public Optional<Amount> remaining() {
    return incomingAmount().map(total -> total.minus(receivedAmount()));
  }

  void setReceived(Amount received) {
    this.receivedBits = StoredAmounts.bits(received);
  }

  void setState(IncomingPaymentState state) {
    this.state = state;
  }
}
