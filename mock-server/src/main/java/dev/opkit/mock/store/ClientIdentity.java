package dev.opkit.mock.store;

import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.model.GrantClient;
import java.util.Objects;

/**
 * Who a grant's client is (auth-server schema {@code client}): a wallet address whose {@code
 * jwks.json} holds its keys, or a key sent in the request itself (directed identity).
 */
public sealed interface ClientIdentity
    permits ClientIdentity.WalletAddress, ClientIdentity.DirectedKey {

  /**
   * The client as resources record it ("created by the same client"): the wallet address URL, or
   * {@code urn:jwk:<x>} for a directed key.
   */
  String id();

  /** The client of a grant request. */
  static ClientIdentity of(GrantClient client) {
    if (client instanceof GrantClient.DirectedKey key) {
      return new DirectedKey(key.key());
    }
    return new WalletAddress(client.walletAddress().orElseThrow());
  }

  /** A client identified by its wallet address URL. */
  record WalletAddress(String url) implements ClientIdentity {
    public WalletAddress {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String id() {
      return url;
    }

    /** Where its keys are: plain string concatenation, as every Open Payments client does. */
    public String jwksUrl() {
      return url + "/jwks.json";
    }
  }

  /** A client that sent its public key in the grant request. */
  record DirectedKey(Jwk jwk) implements ClientIdentity {
    public DirectedKey {
      Objects.requireNonNull(jwk, "jwk");
    }

    @Override
    public String id() {
      return "urn:jwk:" + jwk.x();
    }

    /** The key, checked as an Open Payments Ed25519 JWK. */
    public Ed25519PublicKey publicKey() {
      return Ed25519PublicKey.fromJwk(jwk);
    }
  }
}
