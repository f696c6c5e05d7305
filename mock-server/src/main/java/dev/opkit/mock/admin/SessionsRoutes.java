package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.session.CreatedSession;
import dev.opkit.mock.session.NewSession;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.UnknownSessionException;
import dev.opkit.mock.store.WalletRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/sessions}: isolated sandboxes in the running process, made ({@code POST}, the body
 * a {@link NewSession}), listed, read and discarded ({@code DELETE}). Each answer names the
 * session's URLs on every provider; its own admin token appears once, in the answer that made it.
 * The routes of a session itself are the admin API under {@code /admin/sessions/{id}/…}.
 */
public final class SessionsRoutes implements RouteGroup {
  private final Ase ase;
  private final Sandbox sandbox;

  /**
   * @param ase the provider whose origin serves these routes
   */
  public SessionsRoutes(Ase ase, Sandbox sandbox) {
    this.ase = ase;
    this.sandbox = sandbox;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/admin/sessions", JsonHandler.of(this::create));
    routes.get("/admin/sessions", JsonHandler.of(this::list));
    routes.get("/admin/sessions/{id}", JsonHandler.of(this::get));
    routes.delete("/admin/sessions/{id}", JsonHandler.of(this::discard));
  }

  private void create(Context ctx) {
    NewSession request;
    SessionConfig config;
    try {
      request = NewSession.read(JsonRequests.json(ctx).orElse(null));
      config = request.toConfig(sandbox.config());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    CreatedSession created = sandbox.sessions().create(config, request.wantsAdminToken());
    Map<String, Object> view = view(created.session());
    created.adminTokenIfAny().ifPresent(token -> view.put("adminToken", token));
    ctx.status(201).header("Location", created.session().at(ase).adminUrl()).json(view);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> result =
        sandbox.sessions().all().stream()
            .filter(s -> !s.id().isDefault())
            .flatMap(s -> viewIfOpen(s).stream())
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", result);
    body.put("count", result.size());
    body.put("max", sandbox.sessions().max());
    ctx.json(body);
  }

  private void get(Context ctx) {
    ctx.json(view(require(ctx)));
  }

  private void discard(Context ctx) {
    if (!sandbox.discard(require(ctx).id())) {
      throw unknown(ctx);
    }
    ctx.status(204);
  }

  private Session require(Context ctx) {
    return SessionId.fromSegment(ctx.pathParam("id"))
        .filter(id -> !id.isDefault())
        .flatMap(id -> sandbox.sessions().find(id))
        .orElseThrow(() -> unknown(ctx));
  }

  private static ApiException unknown(Context ctx) {
    return ApiError.UNKNOWN_SESSION.exception(ctx.pathParam("id"));
  }

  /**
   * The session's view, or nothing when it was deleted meanwhile (a list is no answer about it).
   */
  private Optional<Map<String, Object>> viewIfOpen(Session session) {
    try {
      return Optional.of(view(session));
    } catch (UnknownSessionException e) {
      return Optional.empty();
    }
  }

  private Map<String, Object> view(Session session) {
    SessionRecord record = session.record();
    SessionConfig config = session.config();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", session.id().value());
    view.put("name", config.name());
    view.put("createdAt", record.createdAt());
    view.put("hasAdminToken", record.adminTokenHashIfAny().isPresent());
    Map<String, Object> settings = new LinkedHashMap<>();
    if (config.profile() != null) {
      settings.put("profile", config.profile());
    }
    settings.put("profileOverrides", config.profileOverrides());
    settings.put("autoConsent", config.autoConsent());
    settings.put("fees", config.fees());
    settings.put("rates", config.rates());
    settings.put("quoteLifetime", config.quoteLifetime().toString());
    settings.put("processingDelay", config.processingDelay().toString());
    if (config.webhookUrl() != null) {
      settings.put("webhookUrl", config.webhookUrl());
    }
    view.put("settings", settings);
    view.put("providers", session.ases().stream().map(this::provider).toList());
    return view;
  }

  private Map<String, Object> provider(SessionAse ase) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", ase.name());
    view.put("profile", ase.profile().name());
    view.put("resourceServer", ase.resourceServerUrl());
    view.put("authServer", ase.authServerUrl());
    view.put("admin", ase.adminUrl());
    Map<String, String> wallets = new LinkedHashMap<>();
    for (WalletRecord wallet : sandbox.wallets().all(ase)) {
      wallets.put(wallet.id().name(), ase.walletUrl(wallet.id()));
    }
    view.put("walletAddresses", wallets);
    return view;
  }
}
