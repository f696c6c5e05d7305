package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.outgoing.OutgoingPreload;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;

/**
 * Fills a wallet with many payments at once, for benchmarks that need a large history: pending
 * incoming payments on the wallet, and completed outgoing payments from it into one new incoming
 * payment of the receiver wallet (the money moves for real, so the books stay balanced). One
 * transaction: a refused preload leaves nothing behind.
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
      SessionAse ase,
      WalletRecord wallet,
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
    if (outgoing > 0 && receiverWallet == null) {
      throw ApiException.badRequest(
          "'receiver' is required with outgoingPayments: the URL of the wallet address to pay");
    }
    long started = System.nanoTime();
    Session session = ase.session();
    IncomingPaymentService incomingPayments = sandbox.incomingPayments();
    String receiverUrl =
        sandbox
            .storage()
            .write(
                session.id(),
                tx -> {
                  incomingPayments.preload(tx, session, wallet, incoming, client);
                  if (outgoing == 0) {
                    return null;
                  }
                  WalletRecord payee =
                      WalletService.idOf(session, receiverWallet)
                          .flatMap((WalletId id) -> tx.wallets().find(id))
                          .orElseThrow(
                              () ->
                                  ApiException.badRequest(
                                      "'receiver' "
                                          + receiverWallet
                                          + " is not a wallet address of this sandbox"));
                  IncomingPaymentRecord receiver =
                      incomingPayments.preload(tx, session, payee, 1, client).orElseThrow();
                  Amount debit =
                      amount != null ? amount : Amount.of(DEFAULT_AMOUNT, wallet.asset());
                  OutgoingPreload.preload(tx, session, wallet, receiver, outgoing, debit, client);
                  return IncomingPaymentService.url(session, receiver);
                });
    return new Result(incoming, outgoing, receiverUrl, (System.nanoTime() - started) / 1_000_000);
  }
}
