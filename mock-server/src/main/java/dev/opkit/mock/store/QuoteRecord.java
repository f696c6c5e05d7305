package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored quote: a price for paying one incoming payment from one wallet, valid until it expires
 * or an outgoing payment uses it.
 *
 * @param id its id, the last segment of its URL (a payment made from it takes the same id)
 * @param wallet the sending wallet
 * @param asset the sending wallet's asset
 * @param receiver the incoming payment it pays
 * @param receiverWallet the wallet of that incoming payment
 * @param receiveAsset that wallet's asset
 * @param debitBits the debit amount, fee included
 * @param feeBits the fee inside the debit amount
 * @param receiveBits what the receiver gets
 * @param createdAtMillis when it was created, by the session clock
 * @param expiresAtMillis when it expires, by the session clock
 * @param client the client wallet address that created it
 * @param used whether an outgoing payment took it
 */
public record QuoteRecord(
    UUID id,
    WalletId wallet,
    Asset asset,
    UUID receiver,
    WalletId receiverWallet,
    Asset receiveAsset,
    long debitBits,
    long feeBits,
    long receiveBits,
    long createdAtMillis,
    long expiresAtMillis,
    String client,
    boolean used) {

  public QuoteRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(receiverWallet, "receiverWallet");
    Objects.requireNonNull(receiveAsset, "receiveAsset");
  }

  public Amount debitAmount() {
    return AmountBits.amount(debitBits, asset);
  }

  public Amount fee() {
    return AmountBits.amount(feeBits, asset);
  }

  public Amount receiveAmount() {
    return AmountBits.amount(receiveBits, receiveAsset);
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAtMillis);
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAtMillis);
  }

  /** This quote, taken by an outgoing payment. */
  public QuoteRecord markUsed() {
    return new QuoteRecord(
        id,
        wallet,
        asset,
        receiver,
        receiverWallet,
        receiveAsset,
        debitBits,
        feeBits,
        receiveBits,
        createdAtMillis,
        expiresAtMillis,
        client,
        true);
  }
}
