package dev.opkit.mock.resource.quote;

import dev.opkit.mock.resource.StoredAmounts;
import dev.opkit.mock.resource.incoming.IncomingPaymentRecord;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored quote: a price for paying one incoming payment from one wallet, valid until it expires
 * or an outgoing payment uses it. {@link #markUsed()} runs under the sending wallet's lock.
 */
public final class QuoteRecord {
  private final UUID id;
  private final Wallet wallet;
  private final IncomingPaymentRecord receiver;
  private final long debitBits;
  private final long feeBits;
  private final long receiveBits;
  private final long createdAtMillis;
  private final long expiresAtMillis;
  private final String client;
  private volatile boolean used;

  QuoteRecord(
      UUID id,
      Wallet wallet,
      IncomingPaymentRecord receiver,
      Priced price,
      Instant createdAt,
      Instant expiresAt,
      String client) {
    this.id = id;
    this.wallet = wallet;
    this.receiver = receiver;
    this.debitBits = StoredAmounts.bits(price.debit());
    this.feeBits = StoredAmounts.bits(price.fee());
    this.receiveBits = StoredAmounts.bits(price.receive());
    this.createdAtMillis = createdAt.toEpochMilli();
    this.expiresAtMillis = expiresAt.toEpochMilli();
    this.client = client;
  }

  public UUID id() {
    return id;
  }

  public String url() {
    return wallet.ase().publicBase() + "/quotes/" + id;
  }

  /** The sending wallet. */
  public Wallet wallet() {
    return wallet;
  }

  public IncomingPaymentRecord receiver() {
    return receiver;
  }

  public Amount debitAmount() {
    return StoredAmounts.amount(debitBits, wallet.asset());
  }

  public Amount fee() {
    return StoredAmounts.amount(feeBits, wallet.asset());
  }

  public Amount receiveAmount() {
    return StoredAmounts.amount(receiveBits, receiver.wallet().asset());
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAtMillis);
  }

  public String client() {
    return client;
  }

  public boolean used() {
    return used;
  }

  /** Records that an outgoing payment took this quote; under the sending wallet's lock. */
  public void markUsed() {
    used = true;
  }

  /** Gives the quote back when the payment using it could not be created. */
  public void markUnused() {
    used = false;
  }
}
