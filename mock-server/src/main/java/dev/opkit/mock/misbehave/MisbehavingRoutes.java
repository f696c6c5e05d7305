package dev.opkit.mock.misbehave;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.Operations;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.store.Misbehaviour;
import dev.opkit.protocol.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The request misbehaviours at work on the client's requests (never on the admin API's): before the
 * route, a {@code rate-limited} or {@code server-error} answers instead of it and a {@code
 * slow-answer} waits; after it, a {@code response-lost} closes the connection without sending the
 * answer the route made (its change is committed) and an {@code extra-fields} adds fields to its
 * JSON document.
 */
public final class MisbehavingRoutes implements RouteGroup {
  /** The request attribute set when the answer to the request will be dropped. */
  public static final String DROPPED_ATTRIBUTE = "opkit.answerDropped";

  private static final String EXTRA_ATTRIBUTE = "opkit.extraFields";

  private final SessionRouting routing;
  private final Misbehaviours misbehaviours;

  public MisbehavingRoutes(SessionRouting routing, Misbehaviours misbehaviours) {
    this.routing = routing;
    this.misbehaviours = misbehaviours;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(this::before);
    routes.after(this::after);
  }

  private void before(Context ctx) throws InterruptedException {
    if (!Operations.isClients(ctx.path())) {
      return;
    }
    SessionAse ase = routing.ase(ctx);
    String operation = Operations.of(ctx.method().name(), ctx.path());
    ctx.attribute(Operations.ATTRIBUTE, operation);
    Optional<Misbehaviour> fired =
        misbehaviours.onRequest(
            ase,
            operation,
            () ->
                RequestWalletAddress.of(
                    ctx, ase, operation, (c, id) -> misbehaviours.resourceWallet(ase, c, id)),
            acceptsHtml(ctx));
    if (fired.isEmpty()) {
      return;
    }
    Misbehaviour m = fired.get();
    switch (m.kind()) {
      case RATE_LIMITED -> {
        long seconds = Math.max(1, m.retryAfterOrDefault().toSeconds());
        throw new ApiException(
                429,
                "too_many_requests",
                "too many requests (the sandbox's misbehaviour "
                    + m.id()
                    + "): retry after "
                    + seconds
                    + " s")
            .withHeader("Retry-After", Long.toString(seconds));
      }
      case SERVER_ERROR ->
          throw new ApiException(
              m.statusOrDefault(),
              "server_error",
              "the wallet failed (the sandbox's misbehaviour " + m.id() + "); try again later");
      case SLOW_ANSWER -> Thread.sleep(m.delay().toMillis());
      case RESPONSE_LOST -> ctx.attribute(DROPPED_ATTRIBUTE, m.id());
      case EXTRA_FIELDS -> ctx.attribute(EXTRA_ATTRIBUTE, m.id());
      case HTML_REDIRECT -> {
        // As a deployed Rafiki: a browser goes to a page for people, the document stays JSON's.
        ctx.status(302).header("Location", WalletPage.url(ase, ctx.path())).skipRemainingHandlers();
      }
      default -> {
        // grant and payment misbehaviours act in their services
      }
    }
  }

  /** Rafiki's {@code cardService} and a nested object, on the answer's JSON object. */
  private static boolean acceptsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  private void addExtraFields(Context ctx) {
    String body = ctx.result();
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      JsonNode json = Json.mapper().readTree(body);
      if (!(json instanceof ObjectNode document)) {
        return;
      }
      String origin = routing.ase(ctx).resourceServerUrl();
      document.put("cardService", origin + "/card-service");
      ObjectNode extra = document.putObject("additionalProperties");
      extra.put("opkitNote", "a field this client never saw");
      extra.putObject("nested").put("depth", 2);
      ctx.result(Json.mapper().writeValueAsString(document));
    } catch (JsonProcessingException e) {
      // not JSON: left as it is
    }
  }

  private void after(Context ctx) throws IOException {
    if (ctx.attribute(EXTRA_ATTRIBUTE) != null && ctx.statusCode() / 100 == 2) {
      addExtraFields(ctx);
    }
    if (ctx.attribute(DROPPED_ATTRIBUTE) == null) {
      return;
    }
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }
}
