package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.auth.limits.Reservation;
import dev.opkit.mock.resource.ListedResource;
import dev.opkit.mock.resource.StoredAmounts;
import dev.opkit.mock.resource.incoming.IncomingPaymentRecord;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored outgoing payment, kept small (a benchmark keeps a million): amounts as primitive longs,
 * URLs derived from references, the quote id derived from the payment id (a payment made from a
 * quote takes the quote's UUID, as Rafiki does). Its mutable state changes only under its sending
 * wallet's lock.
 */
public final class OutgoingPaymentRecord implements ListedResource {
  private final UUID id;
  private final Wallet wallet;
  private final IncomingPaymentRecord receiver;
  private final long sequence;
  private final long debitBits;
  private final long feeBits;
  private final long receiveBits;
  private final long createdAtMillis;
  private final boolean fromQuote;
  private final Map<String, Object> metadata;
  private final String client;
  private final String grantId;
  private volatile long sentBits;
  private volatile OutgoingPaymentState state;
  private volatile Reservation reservation;
  private volatile String failureReason;

  OutgoingPaymentRecord(
      UUID id,
      Wallet wallet,
      IncomingPaymentRecord receiver,
      long sequence,
      Amount debit,
      Amount fee,
      Amount receive,
      Instant createdAt,
      boolean fromQuote,
      Map<String, Object> metadata,
      String client,
      String grantId,
      OutgoingPaymentState state) {
    this.id = id;
    this.wallet = wallet;
    this.receiver = receiver;
    this.sequence = sequence;
    this.debitBits = StoredAmounts.bits(debit);
    this.feeBits = StoredAmounts.bits(fee);
    this.receiveBits = StoredAmounts.bits(receive);
    this.createdAtMillis = createdAt.toEpochMilli();
    this.fromQuote = fromQuote;
    this.metadata = metadata;
    this.client = client;
    this.grantId = grantId;
    this.state = state;
  }

  @Override
  public UUID id() {
    return id;
  }

  public String url() {
    return wallet.ase().publicBase() + "/outgoing-payments/" + id;
  }

  /** The quote it was made from, or empty when made from an incoming payment and amount. */
  public Optional<String> quoteUrl() {
    return fromQuote ? Optional.of(wallet.ase().publicBase() + "/quotes/" + id) : Optional.empty();
  }

  /** The sending wallet. */
  @Override
  public Wallet wallet() {
    return wallet;
  }

  public IncomingPaymentRecord receiver() {
    return receiver;
  }

  @Override
  public long sequence() {
    return sequence;
  }

  public Amount debitAmount() {
    return StoredAmounts.amount(debitBits, wallet.asset());
  }

  /** The fee inside the debit amount. */
  public Amount fee() {
    return StoredAmounts.amount(feeBits, wallet.asset());
  }

  /** What crosses to the receiver before conversion: debit minus fee. */
  public Amount sentAcross() {
    return debitAmount().minus(fee());
  }

  public Amount receiveAmount() {
    return StoredAmounts.amount(receiveBits, receiver.wallet().asset());
  }

  /** The debit amount once settled, zero before and when failed. */
  public Amount sentAmount() {
    return StoredAmounts.amount(sentBits, wallet.asset());
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  public Optional<Map<String, Object>> metadata() {
    return Optional.ofNullable(metadata);
  }

  /** The client wallet address that created it, or null when the sandbox did. */
  @Override
  public String client() {
    return client;
  }

  /** The grant it was created under, or null when the sandbox created it. */
  public String grantId() {
    return grantId;
  }

  public OutgoingPaymentState state() {
    return state;
  }

  /** Why it failed, for the event log; empty unless failed. */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  /** Its share of the grant's spent amounts while it may still fail. */
  Optional<Reservation> reservation() {
    return Optional.ofNullable(reservation);
  }

  void reserved(Reservation reservation) {
    this.reservation = reservation;
  }

  void completed() {
    this.sentBits = debitBits;
    this.reservation = null;
    this.state = OutgoingPaymentState.COMPLETED;
  }

  void failed(String reason) {
    this.failureReason = reason;
    this.reservation = null;
    this.state = OutgoingPaymentState.FAILED;
  }
}
