package dev.opkit.mock.wallet;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.RequestPaths;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.WalletRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The wallet address server of a provider (wallet-address-server spec 1.3.0): the document at
 * {@code /{name}} and the keys at {@code /{name}/jwks.json}. {@code /{name}/did.json} is no route
 * (ordinary 404): the specs removed it in 1.3.2 and Rafiki never served it. Added last, because
 * {@code /{name}} matches every single-segment path.
 */
public final class WalletRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final WalletService wallets;

  public WalletRoutes(SessionRouting routing, WalletService wallets) {
    this.routing = routing;
    this.wallets = wallets;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/{name}", JsonHandler.of(this::document));
    routes.get("/{name}/jwks.json", JsonHandler.of(this::keys));
  }

  private void document(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    ctx.json(WalletService.document(ase, wallet(ctx, ase)));
  }

  private void keys(Context ctx) {
    ctx.json(WalletService.keys(wallet(ctx, routing.ase(ctx))));
  }

  private WalletRecord wallet(Context ctx, SessionAse ase) {
    String name = ctx.pathParam("name");
    if (WalletNames.isReserved(name)) {
      throw ApiException.notFound(
          "nothing here: " + RequestPaths.sent(ctx) + " is not a route of this server");
    }
    return wallets.require(ase, name);
  }
}
