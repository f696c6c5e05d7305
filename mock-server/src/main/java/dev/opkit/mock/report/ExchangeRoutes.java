package dev.opkit.mock.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.HttpErrors;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.Operations;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.misbehave.MisbehavingRoutes;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.UnknownSessionException;
import dev.opkit.protocol.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * After every request of the client (not the admin API's): its exchange, for the report card. A
 * request to a session that does not exist is recorded nowhere.
 */
public final class ExchangeRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final ClientExchanges exchanges;

  public ExchangeRoutes(SessionRouting routing, ClientExchanges exchanges) {
    this.routing = routing;
    this.exchanges = exchanges;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.after(this::record);
  }

  private void record(Context ctx) {
    String path = ctx.path();
    if (!Operations.isClients(path)) {
      return;
    }
    String method = ctx.method().name();
    String operation =
        ctx.attribute(Operations.ATTRIBUTE) instanceof String known
            ? known
            : Operations.of(method, path);
    String query = ctx.queryString();
    boolean dropped = ctx.attribute(MisbehavingRoutes.DROPPED_ATTRIBUTE) != null;
    String token = GnapAuthorization.token(ctx.header("Authorization")).orElse(null);
    try {
      exchanges.record(
          routing.ase(ctx),
          method,
          query == null ? path : path + "?" + query,
          operation,
          dropped ? 0 : ctx.statusCode(),
          ctx.attribute(HttpErrors.ERROR_CODE_ATTRIBUTE),
          token,
          ctx.header("Signature") != null,
          operation.equals(Operations.POST_CONTINUE) ? continuation(ctx) : null);
    } catch (ApiException | UnknownSessionException e) {
      // no such session (any more): nothing to record it in
    }
  }

  /** {@code interact_ref} when the continuation carries one, else {@code poll}. */
  private static String continuation(Context ctx) {
    byte[] body;
    try {
      // read once and kept by the route (the signature check needed it)
      body = JsonRequests.rawBody(ctx);
    } catch (ApiException e) {
      return "unreadable";
    }
    if (body.length == 0) {
      return "poll";
    }
    try {
      JsonNode json = Json.mapper().readTree(body);
      return json != null && json.hasNonNull("interact_ref") ? "interact_ref" : "poll";
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
