package dev.opkit.mock.misbehave;

import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.wallet.WalletNames;
import dev.opkit.mock.wallet.WalletService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The page for people an {@code html-redirect} sends a browser to ({@code /{name}/page.html}), as a
 * deployed wallet's page for a wallet address: it names the address and says what a client asks for
 * instead. Every value is escaped; the page loads nothing.
 */
public final class WalletPage implements RouteGroup {
  private static final String PAGE = "page.html";

  private final SessionRouting routing;
  private final WalletService wallets;

  public WalletPage(SessionRouting routing, WalletService wallets) {
    this.routing = routing;
    this.wallets = wallets;
  }

  /** Where a browser asking for the wallet address at this routed path is sent. */
  static String url(SessionAse ase, String path) {
    return ase.walletUrl(path.replaceAll("^/+|/+$", "")) + "/" + PAGE;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/{name}/" + PAGE, this::page);
  }

  private void page(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String name = ctx.pathParam("name");
    ctx.header("Content-Security-Policy", "default-src 'none'");
    ctx.contentType("text/html; charset=utf-8");
    if (WalletNames.isReserved(name) || wallets.find(ase, name).isEmpty()) {
      ctx.status(404).result("<!doctype html><title>Not found</title><p>No such wallet address.");
      return;
    }
    String address = escape(ase.walletUrl(name));
    ctx.result(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>"
            + address
            + "</title><h1>Wallet address</h1><p>"
            + address
            + "</p><p>This is the page a wallet shows people. Open Payments clients ask the"
            + " address for <code>application/json</code> and get its document.</p></html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
