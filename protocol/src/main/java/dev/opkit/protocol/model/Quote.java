package dev.opkit.protocol.model;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;

/**
 * A quote (resource-server schema {@code quote}): what sending to {@code receiver} from {@code
 * walletAddress} would debit and deliver, by payment {@code method} ({@code ilp}), valid until
 * {@code expiresAt}.
 */
public record Quote(
    String id,
    String walletAddress,
    String receiver,
    Amount receiveAmount,
    Amount debitAmount,
    String method,
    Instant createdAt,
    Instant expiresAt) {

  public Quote {
    Fields.required(id, "quote", "id");
    Fields.required(walletAddress, "quote", "walletAddress");
    Fields.required(receiver, "quote", "receiver");
    Fields.required(receiveAmount, "quote", "receiveAmount");
    Fields.required(debitAmount, "quote", "debitAmount");
    Fields.required(method, "quote", "method");
    Fields.required(createdAt, "quote", "createdAt");
  }
}
