package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opkit.protocol.amount.Amount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incoming payment (resource-server schemas {@code incoming-payment} and {@code
 * incoming-payment-with-methods}). {@code methods} is null for the plain form (list and complete
 * responses) and a list, possibly empty, for the with-methods form (create and get responses).
 * {@code metadata} is a free JSON object, deeply unmodifiable here.
 */
public record IncomingPayment(
    String id,
    String walletAddress,
    @JsonProperty(required = true) boolean completed,
    Amount incomingAmount,
    Amount receivedAmount,
    Instant expiresAt,
    Map<String, Object> metadata,
    Instant createdAt,
    List<IlpPaymentMethod> methods) {

  public IncomingPayment {
    Fields.required(id, "incoming payment", "id");
    Fields.required(walletAddress, "incoming payment", "walletAddress");
    Fields.required(receivedAmount, "incoming payment", "receivedAmount");
    Fields.required(createdAt, "incoming payment", "createdAt");
    metadata = Fields.freeForm(metadata);
    methods = Fields.optionalList(methods, "incoming payment", "methods");
  }

  /** The with-methods form of this payment. */
  public IncomingPayment withMethods(List<IlpPaymentMethod> paymentMethods) {
    return new IncomingPayment(
        id,
        walletAddress,
        completed,
        incomingAmount,
        receivedAmount,
        expiresAt,
        metadata,
        createdAt,
        paymentMethods);
  }

  /** The plain form of this payment, as list responses carry it. */
  public IncomingPayment withoutMethods() {
    return withMethods(null);
  }
}
