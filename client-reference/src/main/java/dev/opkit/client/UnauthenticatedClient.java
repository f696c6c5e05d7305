package dev.opkit.client;

import java.util.Objects;

/**
 * An Open Payments client for the public calls only, like the Node SDK's {@code
 * createUnauthenticatedClient}: wallet address documents and keys, and the public view of incoming
 * payments. It has no key and signs nothing. Immutable and thread-safe.
 */
public final class UnauthenticatedClient {
  private final WalletAddressApi walletAddress;
  private final PublicIncomingPaymentApi incomingPayment;

  private UnauthenticatedClient(ClientOptions options) {
    Transport transport =
        new Transport(
            options.httpClient().orElseGet(options::newHttpClient),
            options.requestTimeout(),
            null,
            options.validator().orElse(null),
            options.listener());
    this.walletAddress = new WalletAddressApi(transport);
    this.incomingPayment = new PublicIncomingPaymentApi(transport);
  }

  /** A client with the given options. */
  public static UnauthenticatedClient create(ClientOptions options) {
    return new UnauthenticatedClient(Objects.requireNonNull(options, "options"));
  }

  /** A client with default options. */
  public static UnauthenticatedClient create() {
    return create(ClientOptions.defaults());
  }

  /** Wallet address documents and keys. */
  public WalletAddressApi walletAddress() {
    return walletAddress;
  }

  /** The public view of incoming payments. */
  public PublicIncomingPaymentApi incomingPayment() {
    return incomingPayment;
  }
}
