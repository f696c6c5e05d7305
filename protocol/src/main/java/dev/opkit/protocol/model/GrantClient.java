package dev.opkit.protocol.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.opkit.protocol.keys.Jwk;
import java.util.Optional;

/**
 * The {@code client} of a grant request (auth-server schema {@code client}), in one of its three
 * wire forms, each of which reads and writes back exactly: a wallet address URL string (the
 * original, now deprecated form), {@code {"walletAddress": url}}, or {@code {"jwk": {...}}}
 * (directed identity: the key travels in the request; non-interactive grants only).
 */
@JsonSerialize(using = GrantClientSerializer.class)
@JsonDeserialize(using = GrantClientDeserializer.class)
public sealed interface GrantClient
    permits GrantClient.WalletAddressString,
        GrantClient.WalletAddressObject,
        GrantClient.DirectedKey {

  /** The client's wallet address, whose {@code jwks.json} holds its keys; empty for a key. */
  Optional<String> walletAddress();

  /** The key sent in the request; empty for the wallet address forms. */
  Optional<Jwk> jwk();

  /** {@code "https://wallet.example/client"}: the string form (deprecated, still the SDK's). */
  static GrantClient walletAddressString(String walletAddress) {
    return new WalletAddressString(walletAddress);
  }

  /** {@code {"walletAddress": "https://wallet.example/client"}}. */
  static GrantClient walletAddressObject(String walletAddress) {
    return new WalletAddressObject(walletAddress);
  }

  /** {@code {"jwk": {...}}}: directed identity. */
  static GrantClient directedKey(Jwk jwk) {
    return new DirectedKey(jwk);
  }

  /** The client as a bare wallet address URL string. */
  record WalletAddressString(String url) implements GrantClient {
    public WalletAddressString {
      Fields.required(url, "grant request", "client");
    }

    @Override
    public Optional<String> walletAddress() {
      return Optional.of(url);
    }

    @Override
    public Optional<Jwk> jwk() {
      return Optional.empty();
    }
  }

  /** The client as {@code {"walletAddress": url}}. */
  record WalletAddressObject(String url) implements GrantClient {
    public WalletAddressObject {
      Fields.required(url, "grant request client", "walletAddress");
    }

    @Override
    public Optional<String> walletAddress() {
      return Optional.of(url);
    }

    @Override
    public Optional<Jwk> jwk() {
      return Optional.empty();
    }
  }

  /** The client as {@code {"jwk": {...}}}. */
  record DirectedKey(Jwk key) implements GrantClient {
    public DirectedKey {
      Fields.required(key, "grant request client", "jwk");
    }

    @Override
    public Optional<String> walletAddress() {
      return Optional.empty();
    }

    @Override
    public Optional<Jwk> jwk() {
      return Optional.of(key);
    }
  }
}
