package dev.opkit.mock.admin;

import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.wallet.Wallet;
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
  private final Ase ase;
  private final Sandbox sandbox;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public ProvidersRoutes(Ase ase, Sandbox sandbox, UnaryOperator<Handler> guard) {
    this.ase = ase;
    this.sandbox = sandbox;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/providers", guard.apply(this::providers));
  }

  private void providers(Context ctx) {
    ctx.json(Map.of("result", sandbox.ases().stream().map(this::provider).toList()));
  }

  private Map<String, Object> provider(Ase provider) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", provider.name());
    view.put("current", provider == ase);
    view.put("profile", provider.profile().name());
    view.put("origin", provider.publicBase());
    view.put("authServer", provider.authServerUrl());
    view.put("admin", provider.adminUrl());
    view.put("dashboard", provider.publicBase() + "/");
    List<Map<String, Object>> wallets =
        sandbox.wallets().all(provider).stream().map(ProvidersRoutes::wallet).toList();
    view.put("walletAddresses", wallets);
    return view;
  }

  private static Map<String, Object> wallet(Wallet wallet) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", wallet.url());
    view.put("name", wallet.name());
    wallet.publicName().ifPresent(n -> view.put("publicName", n));
    view.put("assetCode", wallet.asset().code());
    view.put("assetScale", wallet.asset().scale());
    return view;
  }
}
