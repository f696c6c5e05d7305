package dev.opkit.client;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.util.Objects;

/**
 * An authenticated Open Payments client, in the spirit of the official Node SDK's {@code
 * createAuthenticatedClient}: it identifies itself by a wallet address and signs every POST and
 * every request carrying a token with its Ed25519 key (RFC 9421, as PROTOCOL.md §3 profiles it).
 * Immutable and thread-safe; holds no global state.
 *
 * <pre>{@code
 * OpenPaymentsClient client = OpenPaymentsClient.create(identity, ClientOptions.defaults());
 * WalletAddress bob = client.walletAddress().get("https://wallet.example/bob");
 * GrantResponse grant = client.grant().request(bob.authServer(), access);
 * }</pre>
 */
public final class OpenPaymentsClient {
  private final ClientIdentity identity;
  private final SigningKeys signingKeys;
  private final WalletAddressApi walletAddress;
  private final GrantApi grant;
  private final TokenApi token;
  private final IncomingPaymentApi incomingPayment;
  private final QuoteApi quote;
  private final OutgoingPaymentApi outgoingPayment;

  private OpenPaymentsClient(ClientIdentity identity, ClientOptions options) {
    this.identity = identity;
    this.signingKeys = new SigningKeys(identity, options.clock());
    Transport transport =
        new Transport(
            options.httpClient().orElseGet(options::newHttpClient),
            options.requestTimeout(),
            signingKeys,
            options.validator().orElse(null),
            options.listener());
    this.walletAddress = new WalletAddressApi(transport);
    this.grant = new GrantApi(transport, identity.walletAddress());
    this.token = new TokenApi(transport);
    this.incomingPayment = new IncomingPaymentApi(transport);
    this.quote = new QuoteApi(transport);
    this.outgoingPayment = new OutgoingPaymentApi(transport);
  }

  /** A client with the given identity and options. */
  public static OpenPaymentsClient create(ClientIdentity identity, ClientOptions options) {
    return new OpenPaymentsClient(
        Objects.requireNonNull(identity, "identity"), Objects.requireNonNull(options, "options"));
  }

  /** A client with default options. */
  public static OpenPaymentsClient create(
      String walletAddress, Ed25519KeyPair keyPair, String keyId) {
    return create(new ClientIdentity(walletAddress, keyPair, keyId), ClientOptions.defaults());
  }

  /** Who this client is. */
  public ClientIdentity identity() {
    return identity;
  }

  /**
   * The id of the key this client signs with now: its identity's key, or its next key once the
   * client's own JWKS showed the first one rotated out.
   */
  public String signingKeyId() {
    return signingKeys.current().keyId();
  }

  /** Wallet address documents and keys. */
  public WalletAddressApi walletAddress() {
    return walletAddress;
  }

  /** Grant requests, continuation and cancellation. */
  public GrantApi grant() {
    return grant;
  }

  /** Access token rotation and revocation. */
  public TokenApi token() {
    return token;
  }

  /** Incoming payments. */
  public IncomingPaymentApi incomingPayment() {
    return incomingPayment;
  }

  /** Quotes. */
  public QuoteApi quote() {
    return quote;
  }

  /** Outgoing payments and the grant's spent amounts. */
  public OutgoingPaymentApi outgoingPayment() {
    return outgoingPayment;
  }
}
