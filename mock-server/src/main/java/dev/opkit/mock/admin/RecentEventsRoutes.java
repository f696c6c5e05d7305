package dev.opkit.mock.admin;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.EventType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code GET /admin/events/recent?limit={n}&type={type,…}}: a provider's newest events first,
 * optionally of some types only, with {@code last}, the newest sequence of the log, from which
 * {@code GET /admin/events?after=} follows what happens next.
 */
public final class RecentEventsRoutes implements RouteGroup {
  private static final int MAX_LIMIT = 500;
  private static final int DEFAULT_LIMIT = 50;

  private final SessionRouting routing;
  private final Sandbox sandbox;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public RecentEventsRoutes(SessionRouting routing, Sandbox sandbox, UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.sandbox = sandbox;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/events/recent", guard.apply(this::recent));
  }

  private void recent(Context ctx) {
    int limit = limit(ctx.queryParam("limit"));
    Set<EventType> types = types(ctx.queryParam("type"));
    SessionAse ase = routing.ase(ctx);
    Map<String, Object> body =
        sandbox
            .storage()
            .readConsistent(
                ase.sessionId(),
                reads -> {
                  Map<String, Object> recent = new LinkedHashMap<>();
                  recent.put("result", reads.events().newest(ase.name(), limit, types));
                  recent.put("last", reads.events().lastSequence(ase.name()));
                  return recent;
                });
    ctx.json(body);
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'limit' must be a whole number, got '" + text + "'");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("'limit' must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  private static Set<EventType> types(String text) {
    if (text == null || text.isBlank()) {
      return EnumSet.allOf(EventType.class);
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : text.split(",")) {
      String wanted = name.trim();
      types.add(
          Arrays.stream(EventType.values())
              .filter(t -> t.wireName().equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "'type' lists event types separated by commas; '"
                              + wanted
                              + "' is none of "
                              + Arrays.stream(EventType.values())
                                  .map(EventType::wireName)
                                  .collect(Collectors.joining(", ")))));
    }
    return types;
  }
}
