package dev.opkit.mock.admin;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.keys.Jwk;
import java.util.List;

/**
 * A wallet address as the admin API lists it: its public document's fields plus what only the
 * sandbox knows.
 *
 * @param id the wallet address URL
 * @param name its path segment
 * @param publicName the document's publicName, or null
 * @param assetCode the asset code
 * @param assetScale the asset scale
 * @param authServer the provider's grant endpoint
 * @param resourceServer the provider's resource server
 * @param balance the available balance
 * @param reserved money held by outgoing payments in progress
 * @param keys the registered client keys
 * @param pendingFailures how many of its next outgoing payments will be made to fail
 */
record AdminWallet(
    String id,
    String name,
    String publicName,
    String assetCode,
    int assetScale,
    String authServer,
    String resourceServer,
    Amount balance,
    Amount reserved,
    List<Jwk> keys,
    int pendingFailures) {

  static AdminWallet of(SessionAse ase, WalletRecord wallet, WalletService.Balances balances) {
    return new AdminWallet(
        ase.walletUrl(wallet.id()),
        wallet.id().name(),
        wallet.publicNameIfAny().orElse(null),
        wallet.asset().code(),
        wallet.asset().scale(),
        ase.authServerUrl(),
        ase.resourceServerUrl(),
        Amount.of(balances.available(), wallet.asset()),
        Amount.of(balances.reserved(), wallet.asset()),
        wallet.keys(),
        wallet.pendingFailures());
  }
}
