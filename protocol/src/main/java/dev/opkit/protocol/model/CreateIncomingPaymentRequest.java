package dev.opkit.protocol.model;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.Map;

/**
 * The body of {@code POST {resourceServer}/incoming-payments} (resource-server {@code
 * create-incoming-payment}): the {@code walletAddress} to pay into (required), and optionally the
 * {@code incomingAmount} (the wallet's asset), {@code expiresAt} and free-form {@code metadata}.
 */
public record CreateIncomingPaymentRequest(
    String walletAddress, Amount incomingAmount, Instant expiresAt, Map<String, Object> metadata) {

  public CreateIncomingPaymentRequest {
    Fields.required(walletAddress, "create incoming payment request", "walletAddress");
    metadata = Fields.freeForm(metadata);
  }
}
