package dev.opkit.protocol.model;

import dev.opkit.protocol.amount.Amount;

/**
 * What an unauthenticated {@code GET} of an incoming payment returns (resource-server schema {@code
 * public-incoming-payment}): the amount received so far (optional) and the {@code authServer} to
 * ask for a grant.
 */
public record PublicIncomingPayment(Amount receivedAmount, String authServer) {
  public PublicIncomingPayment {
    Fields.required(authServer, "public incoming payment", "authServer");
  }
}
