package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A wallet address as a client knows it after the guide's first step, {@code GET} of the wallet
 * address document: its URL, its auth server and its resource server.
 */
record Party(String url, String authServer, String resourceServer) {

  /** Reads the wallet address document at {@code url} (unsigned, untimed). */
  static Party read(SignedClient client, String url) {
    JsonNode document = client.walletAddress(url).json();
    return new Party(
        url, document.get("authServer").asText(), document.get("resourceServer").asText());
  }
}
