package dev.opkit.mock.admin;

import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.outgoing.OutgoingPaymentViews;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentState;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.WalletRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A wallet's payments as the sandbox sees them, whichever client made them: {@code GET
 * /admin/wallet-addresses/{name}/incoming-payments} and {@code .../outgoing-payments}, newest
 * first, paged as the resource server pages ({@code first}, {@code last}, {@code cursor}). Besides
 * the spec's fields they say what a wallet keeps to itself: the state, why a payment failed, the
 * fee, and the client and grant that made it.
 */
public final class WalletPaymentsRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final Sandbox sandbox;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public WalletPaymentsRoutes(
      SessionRouting routing, Sandbox sandbox, UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.sandbox = sandbox;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/wallet-addresses/{name}/incoming-payments", guard.apply(this::incoming));
    routes.get("/admin/wallet-addresses/{name}/outgoing-payments", guard.apply(this::outgoing));
  }

  private void incoming(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    WalletRecord wallet = sandbox.wallets().require(ase, ctx.pathParam("name"));
    Instant now = ase.session().now();
    PageResult<IncomingPaymentRecord> page =
        sandbox.incomingPayments().ofWallet(ase, wallet, pageRequest(ctx));
    ctx.json(render(page, p -> incoming(ase, p, now), p -> p.id().toString()));
  }

  private void outgoing(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    WalletRecord wallet = sandbox.wallets().require(ase, ctx.pathParam("name"));
    PageResult<OutgoingPaymentRecord> page =
        sandbox.outgoingPayments().ofWallet(ase, wallet, pageRequest(ctx));
    ctx.json(render(page, p -> outgoing(ase, p), p -> p.id().toString()));
  }

  private static Map<String, Object> incoming(
      SessionAse ase, IncomingPaymentRecord payment, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", IncomingPaymentService.url(ase, payment));
    view.put("walletAddress", ase.walletUrl(payment.wallet()));
    view.put("state", payment.stateAt(now).name().toLowerCase(Locale.ROOT));
    payment.incomingAmount().ifPresent(a -> view.put("incomingAmount", a));
    view.put("receivedAmount", payment.receivedAmount());
    view.put("expiresAt", payment.expiresAt());
    view.put("createdAt", payment.createdAt());
    if (payment.client() != null) {
      view.put("client", payment.client());
    }
    payment.metadataIfAny().ifPresent(m -> view.put("metadata", m));
    return view;
  }

  private static Map<String, Object> outgoing(SessionAse ase, OutgoingPaymentRecord payment) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", OutgoingPaymentViews.url(ase, payment));
    view.put("walletAddress", ase.walletUrl(payment.wallet()));
    view.put(
        "receiver",
        ase.session()
            .at(payment.receiverWallet().ase())
            .resourceUrl("incoming-payments", payment.receiver()));
    view.put("state", payment.state().name().toLowerCase(Locale.ROOT));
    view.put("failed", payment.state() == OutgoingPaymentState.FAILED);
    payment.failureReasonIfAny().ifPresent(r -> view.put("failureReason", r));
    view.put("debitAmount", payment.debitAmount());
    view.put("receiveAmount", payment.receiveAmount());
    view.put("sentAmount", payment.sentAmount());
    view.put("fee", payment.fee());
    if (payment.fromQuote()) {
      view.put("quoteId", ase.resourceUrl("quotes", payment.id()));
    }
    if (payment.grantId() != null) {
      view.put("grant", payment.grantId());
    }
    if (payment.client() != null) {
      view.put("client", payment.client());
    }
    payment.metadataIfAny().ifPresent(m -> view.put("metadata", m));
    view.put("createdAt", payment.createdAt());
    return view;
  }

  private static <T> Map<String, Object> render(
      PageResult<T> page, Function<T, Map<String, Object>> view, Function<T, String> cursor) {
    List<T> items = page.items();
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("startCursor", items.isEmpty() ? null : cursor.apply(items.get(0)));
    pagination.put("endCursor", items.isEmpty() ? null : cursor.apply(items.get(items.size() - 1)));
    pagination.put("hasNextPage", page.hasNextPage());
    pagination.put("hasPreviousPage", page.hasPreviousPage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pagination", pagination);
    body.put("result", items.stream().map(view).toList());
    return body;
  }

  private static PageRequest pageRequest(Context ctx) {
    return PageRequest.parse(
        ctx.queryParam("first"), ctx.queryParam("last"), ctx.queryParam("cursor"));
  }
}
