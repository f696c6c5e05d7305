package dev.opkit.mock.misbehave;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.Operations;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.protocol.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The wallet address a client's request is on, for a request misbehaviour narrowed to one: the
 * document or keys' own address, the {@code wallet-address} of a list, the {@code walletAddress} of
 * a create request's body, or the wallet of the incoming payment, quote or outgoing payment a path
 * names. Null when the request names none (an auth server request, an unknown resource).
 */
final class RequestWalletAddress {
  private RequestWalletAddress() {}

  /**
   * @param resourceWallet the wallet address of a resource by collection and id, if there is one
   */
  static String of(
      Context ctx,
      SessionAse ase,
      String operation,
      BiFunction<String, UUID, Optional<String>> resourceWallet) {
    String[] parts = ctx.path().replaceAll("/+$", "").split("/", -1);
    switch (operation) {
      case "get-wallet-address", "get-wallet-address-keys" -> {
        return parts.length > 1 ? ase.walletUrl(parts[1]) : null;
      }
      case "list-incoming-payments", Operations.LIST_OUTGOING_PAYMENTS -> {
        return ctx.queryParam("wallet-address");
      }
      case "create-incoming-payment", "create-quote", Operations.CREATE_OUTGOING_PAYMENT -> {
        return fromBody(ctx);
      }
      case "get-incoming-payment",
          "complete-incoming-payment",
          "get-quote",
          Operations.GET_OUTGOING_PAYMENT -> {
        return parts.length > 2
            ? uuid(parts[2]).flatMap(id -> resourceWallet.apply(parts[1], id)).orElse(null)
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static String fromBody(Context ctx) {
    try {
      byte[] body = JsonRequests.rawBody(ctx);
      if (body.length == 0) {
        return null;
      }
      JsonNode json = Json.mapper().readTree(body);
      return json != null && json.path("walletAddress").isTextual()
          ? json.get("walletAddress").asText()
          : null;
    } catch (ApiException | IOException e) {
      // the route refuses it on its own terms
      return null;
    }
  }

  private static Optional<UUID> uuid(String segment) {
    try {
      return segment.length() == 36 ? Optional.of(UUID.fromString(segment)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
