package dev.opkit.mock.admin;

import dev.opkit.mock.events.Event;
import dev.opkit.mock.events.EventLog;
import dev.opkit.mock.events.EventType;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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

  private final Ase ase;
  private final Sandbox sandbox;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public RecentEventsRoutes(Ase ase, Sandbox sandbox, UnaryOperator<Handler> guard) {
    this.ase = ase;
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
    EventLog log = sandbox.events().log(ase.name());
    long last = log.lastSequence();
    List<Event> events = log.newest(limit, event -> types.contains(event.type()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", events);
    body.put("last", last);
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
