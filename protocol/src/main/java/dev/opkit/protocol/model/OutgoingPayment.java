package dev.opkit.protocol.model;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Map;

/**
 * An outgoing payment (resource-server schemas {@code outgoing-payment} and {@code
 * outgoing-payment-with-spent-amounts}). {@code failed} is never null: absent reads as false (the
 * spec's default) and it is always written. {@code grantSpentDebitAmount} / {@code
 * grantSpentReceiveAmount} appear only in the create response, where they report what the grant has
 * spent (PROTOCOL.md §6 on their two readings).
 */
public record OutgoingPayment(
    String id,
    String walletAddress,
    String quoteId,
    Boolean failed,
    String receiver,
    Amount receiveAmount,
    Amount debitAmount,
    Amount sentAmount,
    Amount grantSpentDebitAmount,
    Amount grantSpentReceiveAmount,
    Map<String, Object> metadata,
    Instant createdAt) {

  public OutgoingPayment {
    failed = Boolean.TRUE.equals(failed);
    Fields.required(id, "outgoing payment", "id");
    Fields.required(walletAddress, "outgoing payment", "walletAddress");
    Fields.required(receiver, "outgoing payment", "receiver");
    Fields.required(receiveAmount, "outgoing payment", "receiveAmount");
    Fields.required(debitAmount, "outgoing payment", "debitAmount");
    Fields.required(sentAmount, "outgoing payment", "sentAmount");
    Fields.required(createdAt, "outgoing payment", "createdAt");
    metadata = Fields.freeForm(metadata);
  }

  /** This payment with the grant's spent amounts, as the create response carries them. */
  public OutgoingPayment withGrantSpent(Amount spentDebit, Amount spentReceive) {
    return new OutgoingPayment(
        id,
        walletAddress,
        quoteId,
        failed,
        receiver,
        receiveAmount,
        debitAmount,
        sentAmount,
        spentDebit,
        spentReceive,
        metadata,
        createdAt);
  }
}
