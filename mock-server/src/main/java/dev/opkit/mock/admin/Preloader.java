package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.resource.incoming.IncomingPaymentRecord;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.wallet.Wallet;
import dev.opkit.protocol.amount.Amount;

/**
 * Fills a wallet with many payments at once, for benchmarks that need a large history: pending
 * incoming payments on the wallet, and completed outgoing payments from it into one new incoming
 * payment of the receiver wallet (the money moves for real, so the books stay balanced).
 */
public final class Preloader {
  static final int MAX_INCOMING = 1_000_000;
  static final int MAX_OUTGOING = 5_000_000;
  private static final long DEFAULT_AMOUNT = 100;

  private final Sandbox sandbox;

  public Preloader(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * What a preload created.
   *
   * @param incomingPayments incoming payments created on the wallet
   * @param outgoingPayments outgoing payments created from the wallet
   * @param receiver the incoming payment the outgoing payments paid, or null
   * @param elapsedMillis how long it took
   */
  public record Result(
      int incomingPayments, int outgoingPayments, String receiver, long elapsedMillis) {}

  /**
   * Preloads a wallet.
   *
   * @param receiverWallet the URL of the wallet (any provider) the outgoing payments pay; needed
   *     when {@code outgoing > 0}
   * @param amount the debit amount of each outgoing payment, or null for 100 of the smallest unit
   * @param client the client wallet address recorded as their creator, or null for the sandbox
   */
  public Result preload(
      Wallet wallet,
      int incoming,
      int outgoing,
      String receiverWallet,
      Amount amount,
      String client) {
    if (incoming < 0 || incoming > MAX_INCOMING) {
      throw ApiException.badRequest("'incomingPayments' must be from 0 to " + MAX_INCOMING);
    }
    if (outgoing < 0 || outgoing > MAX_OUTGOING) {
      throw ApiException.badRequest("'outgoingPayments' must be from 0 to " + MAX_OUTGOING);
    }
    long started = System.nanoTime();
    String receiverUrl = null;
    // The outgoing payments first: they may be refused, and a refusal must leave nothing behind.
    if (outgoing > 0) {
      if (receiverWallet == null) {
        throw ApiException.badRequest(
            "'receiver' is required with outgoingPayments: the URL of the wallet address to pay");
      }
      Wallet payee =
          sandbox
              .wallets()
              .findByUrl(receiverWallet)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "'receiver' "
                              + receiverWallet
                              + " is not a wallet address of this sandbox"));
      Amount debit = amount != null ? amount : Amount.of(DEFAULT_AMOUNT, wallet.asset());
      IncomingPaymentRecord receiver =
          sandbox.outgoingPayments().preload(wallet, payee, outgoing, debit, client);
      receiverUrl = receiver.url();
    }
    sandbox.incomingPayments().preload(wallet, incoming, client);
    return new Result(incoming, outgoing, receiverUrl, (System.nanoTime() - started) / 1_000_000);
  }
}
