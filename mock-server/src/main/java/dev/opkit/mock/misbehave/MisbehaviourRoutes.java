package dev.opkit.mock.misbehave;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.MisbehaviourRequest;
import dev.opkit.mock.session.Scenarios;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.Misbehaviour;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code /admin/misbehaviours}: what the session's providers do wrong on purpose, listed, switched
 * on ({@code POST}, a {@link MisbehaviourRequest}) and off ({@code DELETE}, one or all); {@code GET
 * /admin/scenarios}: the named scenarios a session can start with.
 */
public final class MisbehaviourRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final Misbehaviours misbehaviours;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public MisbehaviourRoutes(
      SessionRouting routing, Misbehaviours misbehaviours, UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.misbehaviours = misbehaviours;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/misbehaviours", guard.apply(this::list));
    routes.post("/admin/misbehaviours", guard.apply(this::add));
    routes.delete("/admin/misbehaviours", guard.apply(this::clear));
    routes.delete("/admin/misbehaviours/{id}", guard.apply(this::remove));
    routes.get("/admin/scenarios", guard.apply(this::scenarios));
  }

  private void scenarios(Context ctx) {
    ctx.json(Map.of("result", Scenarios.all()));
  }

  private void list(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", misbehaviours.list(routing.ase(ctx)));
    body.put("max", MisbehaviourRequest.MAX_PER_SESSION);
    ctx.json(body);
  }

  private void add(Context ctx) {
    MisbehaviourRequest request;
    try {
      request = MisbehaviourRequest.read(JsonRequests.requiredJson(ctx));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    SessionAse ase = routing.ase(ctx);
    Misbehaviour added = misbehaviours.add(ase, request);
    ctx.status(201).header("Location", ase.adminUrl() + "/misbehaviours/" + added.id()).json(added);
  }

  private void clear(Context ctx) {
    misbehaviours.clear(routing.ase(ctx));
    ctx.status(204);
  }

  private void remove(Context ctx) {
    String id = ctx.pathParam("id");
    if (!misbehaviours.remove(routing.ase(ctx), id)) {
      throw ApiError.NOT_FOUND.exception("this session has no misbehaviour " + id);
    }
    ctx.status(204);
  }
}
