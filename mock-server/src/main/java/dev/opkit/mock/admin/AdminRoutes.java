package dev.opkit.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.ledger.Ledger;
import dev.opkit.mock.ledger.LedgerTotals;
import dev.opkit.mock.sandbox.AdminConfig;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxProcessing;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.wallet.AssetCodes;
import dev.opkit.mock.wallet.NewWallet;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox admin API of one provider, under {@code {origin}/admin}: powers a real wallet never
 * gives (wallets and keys, balances, the clock, reset, events, forced failures, processing delay,
 * the books, bulk preload). JSON in and out; with a configured secret every request needs {@code
 * Authorization: Bearer <secret>}; pages of other origins are refused ({@link AdminGuard}).
 */
public final class AdminRoutes implements RouteGroup {
  private static final int MAX_EVENTS_PAGE = 1000;

  private final SessionRouting routing;
  private final Sandbox sandbox;
  private final AdminGuard guard;
  private final Preloader preloader;

  /**
   * @param origins the sandbox's own web origins, the only ones whose pages may call the admin API
   */
  public AdminRoutes(
      SessionRouting routing, Sandbox sandbox, AdminConfig config, OwnOrigins origins) {
    this.routing = routing;
    this.sandbox = sandbox;
    this.guard = new AdminGuard(origins, new AdminSecret(config.secret()), sandbox.sessions());
    this.preloader = new Preloader(sandbox);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    // Before-handlers see every method and path under /admin, HEAD and unknown paths included
    // (Javalin answers HEAD for a GET route without running the route's handler).
    routes.before("/admin", guard);
    routes.before("/admin/*", guard);
    routes.get("/admin", admin(this::index));
    routes.get("/admin/wallet-addresses", admin(this::listWallets));
    routes.post("/admin/wallet-addresses", admin(this::createWallet));
    routes.get("/admin/wallet-addresses/{name}", admin(this::getWallet));
    routes.post("/admin/wallet-addresses/{name}/keys", admin(this::addKey));
    routes.delete("/admin/wallet-addresses/{name}/keys/{kid}", admin(this::removeKey));
    routes.post("/admin/wallet-addresses/{name}/balance", admin(this::setBalance));
    routes.post("/admin/wallet-addresses/{name}/failures", admin(this::failNext));
    routes.get("/admin/clock", admin(this::getClock));
    routes.post("/admin/clock", admin(this::moveClock));
    routes.post("/admin/reset", admin(this::reset));
    routes.get("/admin/events", admin(this::events));
    routes.get("/admin/processing", admin(this::getProcessing));
    routes.post("/admin/processing", admin(this::setProcessing));
    routes.get("/admin/ledger", admin(this::ledger));
    routes.post("/admin/preload", admin(this::preload));
    routes.get("/admin/stats", admin(this::stats));
  }

  /**
   * A handler of an admin route for other groups: it answers JSON only; the access checks of every
   * {@code /admin} path run before it.
   */
  public Handler guarded(Handler handler) {
    return admin(handler);
  }

  private static Handler admin(Handler handler) {
    return JsonHandler.of(handler);
  }

  private void index(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("ase", ase.name());
    index.put("profile", ase.profile().name());
    index.put("walletAddresses", ase.adminUrl() + "/wallet-addresses");
    index.put("clock", ase.adminUrl() + "/clock");
    index.put("events", ase.adminUrl() + "/events");
    index.put("processing", ase.adminUrl() + "/processing");
    index.put("ledger", ase.adminUrl() + "/ledger");
    index.put("reset", ase.adminUrl() + "/reset");
    index.put("preload", ase.adminUrl() + "/preload");
    index.put("stats", ase.adminUrl() + "/stats");
    index.put("grants", ase.adminUrl() + "/grants");
    index.put("requests", ase.adminUrl() + "/requests");
    index.put("autoConsent", ase.adminUrl() + "/auto-consent");
    ctx.json(index);
  }

  private void listWallets(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    ctx.json(
        Map.of(
            "result", sandbox.wallets().all(ase).stream().map(w -> adminWallet(ase, w)).toList()));
  }

  private void createWallet(Context ctx) {
    AdminBodies body =
        AdminBodies.read(ctx, Set.of("name", "assetCode", "assetScale", "publicName", "balance"));
    Asset asset;
    try {
      asset =
          new Asset(
              AssetCodes.requireUpperCase(body.requiredText("assetCode")),
              body.requiredInteger("assetScale"));
    } catch (ProtocolException | IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    SessionAse ase = routing.ase(ctx);
    WalletRecord wallet =
        sandbox
            .wallets()
            .create(
                ase,
                new NewWallet(
                    body.requiredText("name"),
                    body.text("publicName").orElse(null),
                    asset,
                    body.amountValue("balance").orElse(BigInteger.ZERO)));
    ctx.status(201).json(WalletService.document(ase, wallet));
  }

  private void getWallet(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    ctx.json(adminWallet(ase, sandbox.wallets().require(ase, ctx.pathParam("name"))));
  }

  private void addKey(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String name = sandbox.wallets().require(ase, ctx.pathParam("name")).id().name();
    AdminBodies body = AdminBodies.read(ctx, Set.of("jwk"));
    Jwk jwk;
    try {
      jwk = Json.mapper().treeToValue(body.node("jwk"), Jwk.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ApiException.badRequest(
          "'jwk' must be a JSON Web Key object {kid, alg, kty, crv, x}: " + e.getMessage());
    }
    ctx.status(201).json(sandbox.wallets().addKey(ase, name, jwk));
  }

  private void removeKey(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    sandbox.wallets().removeKey(ase, ctx.pathParam("name"), ctx.pathParam("kid"));
    ctx.status(204);
  }

  private void setBalance(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String name = sandbox.wallets().require(ase, ctx.pathParam("name")).id().name();
    AdminBodies body = AdminBodies.read(ctx, Set.of("value"));
    BigInteger value =
        body.amountValue("value").orElseThrow(() -> ApiException.badRequest("'value' is required"));
    ctx.json(adminWallet(ase, sandbox.wallets().setBalance(ase, name, value)));
  }

  private void failNext(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String name = sandbox.wallets().require(ase, ctx.pathParam("name")).id().name();
    AdminBodies body = AdminBodies.read(ctx, Set.of("count"));
    ctx.json(
        adminWallet(ase, sandbox.wallets().failNext(ase, name, body.requiredInteger("count"))));
  }

  private AdminWallet adminWallet(SessionAse ase, WalletRecord wallet) {
    return AdminWallet.of(ase, wallet, sandbox.wallets().balances(ase, wallet));
  }

  private void getClock(Context ctx) {
    ctx.json(Map.of("now", routing.ase(ctx).session().now()));
  }

  private void moveClock(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    Session session = ase.session();
    AdminBodies body = AdminBodies.read(ctx, Set.of("advance", "now", "advanceTo", "grant"));
    var advance = body.text("advance");
    var now = body.text("now");
    var advanceTo = body.text("advanceTo");
    if ((advance.isPresent() ? 1 : 0) + (now.isPresent() ? 1 : 0) + (advanceTo.isPresent() ? 1 : 0)
        != 1) {
      throw ApiException.badRequest(
          "send one of {\"advance\": \"P1M\"}, {\"now\": \"2026-12-01T00:00:00Z\"} or"
              + " {\"advanceTo\": \"next-window\", \"grant\": \"<grant id>\"}");
    }
    Instant moved;
    if (advanceTo.isPresent()) {
      if (!"next-window".equals(advanceTo.get())) {
        throw ApiException.badRequest(
            "'advanceTo' knows only \"next-window\", got '" + advanceTo.get() + "'");
      }
      moved = sandbox.auth().nextWindowStart(ase, body.requiredText("grant"));
    } else if (body.text("grant").isPresent()) {
      throw ApiException.badRequest("'grant' goes with {\"advanceTo\": \"next-window\"}");
    } else {
      moved =
          advance.isPresent()
              ? ClockMove.advance(session.now(), advance.get())
              : ClockMove.set(now.get());
    }
    sandbox.setClock(session, moved);
    ctx.json(Map.of("now", moved));
  }

  private void reset(Context ctx) {
    sandbox.reset(routing.ase(ctx).sessionId());
    ctx.status(204);
  }

  private void events(Context ctx) {
    long after = longQuery(ctx, "after", 0);
    int limit = (int) Math.min(longQuery(ctx, "limit", 100), MAX_EVENTS_PAGE);
    if (limit < 1) {
      throw ApiException.badRequest("'limit' must be from 1 to " + MAX_EVENTS_PAGE);
    }
    SessionAse ase = routing.ase(ctx);
    ctx.json(
        sandbox
            .storage()
            .readConsistent(
                ase.sessionId(),
                reads -> {
                  List<EventRecord> page = reads.events().after(ase.name(), after, limit);
                  long last = reads.events().lastSequence(ase.name());
                  Map<String, Object> body = new LinkedHashMap<>();
                  body.put("result", page);
                  body.put("next", page.isEmpty() ? after : page.get(page.size() - 1).sequence());
                  body.put(
                      "hasMore", !page.isEmpty() && page.get(page.size() - 1).sequence() < last);
                  return body;
                }));
  }

  private void getProcessing(Context ctx) {
    ctx.json(Map.of("delay", routing.ase(ctx).session().record().processingDelay().toString()));
  }

  private void setProcessing(Context ctx) {
    AdminBodies body = AdminBodies.read(ctx, Set.of("delay"));
    String text = body.requiredText("delay");
    Duration delay;
    try {
      delay = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'delay' must be an ISO 8601 duration such as PT2S or PT0.5S, got '" + text + "'");
    }
    if (delay.isNegative() || delay.compareTo(SessionConfig.MAX_PROCESSING_DELAY) > 0) {
      throw ApiException.badRequest(
          "'delay' must be from PT0S to " + SessionConfig.MAX_PROCESSING_DELAY + ", got " + text);
    }
    new SandboxProcessing(sandbox.storage(), routing.ase(ctx)::session).setDelay(delay);
    ctx.json(Map.of("delay", delay.toString()));
  }

  private void ledger(Context ctx) {
    LedgerTotals totals =
        sandbox
            .storage()
            .readConsistent(routing.ase(ctx).sessionId(), reads -> Ledger.totals(reads.ledger()));
    List<Map<String, Object>> assets =
        totals.assets().stream()
            .map(
                t -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("assetCode", t.asset().code());
                  row.put("assetScale", t.asset().scale());
                  row.put("issued", t.issued().toString());
                  row.put("wallets", t.wallets().toString());
                  row.put("reserved", t.reserved().toString());
                  row.put("fees", t.fees().toString());
                  row.put("liquidity", t.liquidity().toString());
                  row.put("sum", t.sum().toString());
                  return row;
                })
            .toList();
    ctx.json(Map.of("invariantHolds", totals.invariantHolds(), "assets", assets));
  }

  private void preload(Context ctx) {
    AdminBodies body =
        AdminBodies.read(
            ctx,
            Set.of(
                "wallet", "incomingPayments", "outgoingPayments", "receiver", "amount", "client"));
    SessionAse ase = routing.ase(ctx);
    WalletRecord wallet = sandbox.wallets().require(ase, body.requiredText("wallet"));
    Preloader.Result result =
        preloader.preload(
            ase,
            wallet,
            body.integer("incomingPayments").orElse(0),
            body.integer("outgoingPayments").orElse(0),
            body.text("receiver").orElse(null),
            body.amountValue("amount").map(v -> Amount.of(v, wallet.asset())).orElse(null),
            body.text("client").orElse(null));
    ctx.status(201).json(result);
  }

  private void stats(Context ctx) {
    String gc = ctx.queryParam("gc");
    if (gc != null && !gc.equals("true") && !gc.equals("false")) {
      throw ApiException.badRequest("'gc' is true or false, got '" + gc + "'");
    }
    ctx.json(AdminStats.take(sandbox.storedCounts(routing.ase(ctx).session()), "true".equals(gc)));
  }

  private static long longQuery(Context ctx, String name, long fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' must be a whole number, got '" + value + "'");
    }
  }
}
