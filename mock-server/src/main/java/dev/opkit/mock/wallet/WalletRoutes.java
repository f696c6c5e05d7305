package dev.opkit.mock.wallet;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Ase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The wallet address server of a provider (wallet-address-server spec 1.3.0): the document at
 * {@code /{name}}, the keys at {@code /{name}/jwks.json}, and {@code /{name}/did.json} answered
 * with the spec's "not yet implemented" 500. Added last, because {@code /{name}} matches every
 * single-segment path.
 */
public final class WalletRoutes implements RouteGroup {
  private final Ase ase;
  private final WalletService wallets;

  public WalletRoutes(Ase ase, WalletService wallets) {
    this.ase = ase;
    this.wallets = wallets;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/{name}", JsonHandler.of(this::document));
    routes.get("/{name}/jwks.json", JsonHandler.of(this::keys));
    routes.get("/{name}/did.json", JsonHandler.of(this::didDocument));
  }

  private void document(Context ctx) {
    ctx.json(wallets.document(wallet(ctx)));
  }

  private void keys(Context ctx) {
    ctx.json(wallets.keys(wallet(ctx)));
  }

  private void didDocument(Context ctx) {
    wallet(ctx);
    throw new ApiException(
        500,
        ErrorCodes.NOT_IMPLEMENTED,
        "this sandbox serves no DID documents: get-wallet-address-did-document allows this 500 (spec"
            + " 1.3.0); use jwks.json for the wallet address's keys");
  }

  private Wallet wallet(Context ctx) {
    String name = ctx.pathParam("name");
    if (WalletNames.isReserved(name)) {
      throw ApiException.notFound("nothing here: " + ctx.path() + " is not a route of this server");
    }
    return wallets.require(ase, name);
  }
}
