package dev.opkit.client;

import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.model.WalletAddress;

/**
 * Wallet address server calls (wallet-address-server spec: {@code get-wallet-address}, {@code
 * get-wallet-address-keys}); unsigned, as the spec makes them public.
 */
public final class WalletAddressApi {
  private final Transport transport;

  WalletAddressApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET {url}}: the wallet address document. */
  public WalletAddress get(String url) {
    Answer answer = transport.call(Endpoint.GET_WALLET_ADDRESS, url, null, null);
    return transport.read(answer, WalletAddress.class);
  }

  /**
   * {@code GET {url}/jwks.json}: the wallet address's public keys. The path is appended to the URL
   * as given, as authorization servers do when they look up a client's keys.
   */
  public JwkSet getKeys(String url) {
    Answer answer =
        transport.call(Endpoint.GET_WALLET_ADDRESS_KEYS, url + "/jwks.json", null, null);
    return transport.read(answer, JwkSet.class);
  }
}
