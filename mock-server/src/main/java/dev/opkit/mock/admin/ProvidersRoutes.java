package dev.opkit.mock.admin;

import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.WalletRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code GET /admin/providers}: what runs where in this sandbox, for the dashboard's landing page:
 * every provider with its origin, profile, wallet addresses, auth server, admin API and dashboard,
 * the one answering marked {@code current}.
 */
public final class ProvidersRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final Sandbox sandbox;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public ProvidersRoutes(SessionRouting routing, Sandbox sandbox, UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.sandbox = sandbox;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/providers", guard.apply(this::providers));
  }

  private void providers(Context ctx) {
    SessionAse here = routing.ase(ctx);
    ctx.json(
        Map.of(
            "result",
            sandbox.ases().stream().map(a -> provider(here.session().at(a), here)).toList()));
  }

  private Map<String, Object> provider(SessionAse provider, SessionAse here) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", provider.name());
    view.put("current", provider.ase() == here.ase());
    view.put("profile", provider.profile().name());
    view.put("origin", provider.ase().publicBase());
    view.put("authServer", provider.authServerUrl());
    view.put("admin", provider.adminUrl());
    view.put("dashboard", provider.ase().publicBase() + "/");
    List<Map<String, Object>> wallets =
        sandbox.wallets().all(provider).stream().map(w -> wallet(provider, w)).toList();
    view.put("walletAddresses", wallets);
    return view;
  }

  private static Map<String, Object> wallet(SessionAse provider, WalletRecord wallet) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", provider.walletUrl(wallet.id()));
    view.put("name", wallet.id().name());
    wallet.publicNameIfAny().ifPresent(n -> view.put("publicName", n));
    view.put("assetCode", wallet.asset().code());
    view.put("assetScale", wallet.asset().scale());
    return view;
  }
}
