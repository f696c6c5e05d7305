package dev.opkit.mock.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonHandler;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.http.SignedMessages;
import dev.opkit.mock.resource.incoming.IncomingPaymentService;
import dev.opkit.mock.resource.incoming.IncomingPaymentViews;
import dev.opkit.mock.resource.outgoing.OutgoingPaymentService;
import dev.opkit.mock.resource.outgoing.OutgoingPaymentViews;
import dev.opkit.mock.resource.quote.QuoteService;
import dev.opkit.mock.resource.quote.QuoteViews;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import dev.opkit.mock.spending.SpentAmounts;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.PageResult;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.GrantSpentAmounts;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.PageInfo;
import dev.opkit.protocol.openapi.Spec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every path of a provider's resource server (resource-server spec 1.3.0), at the bare origin:
 * parse, call the service, render. No protocol decision is made here.
 */
public final class ResourceServerRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final IncomingPaymentService incoming;
  private final IncomingPaymentViews incomingViews;
  private final QuoteService quotes;
  private final OutgoingPaymentService outgoing;
  private final RequestSchemas schemas;

  public ResourceServerRoutes(
      SessionRouting routing,
      IncomingPaymentService incoming,
      IncomingPaymentViews incomingViews,
      QuoteService quotes,
      OutgoingPaymentService outgoing,
      RequestSchemas schemas) {
    this.routing = routing;
    this.incoming = incoming;
    this.incomingViews = incomingViews;
    this.quotes = quotes;
    this.outgoing = outgoing;
    this.schemas = schemas;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post("/incoming-payments", JsonHandler.of(this::createIncomingPayment));
    routes.get("/incoming-payments", JsonHandler.of(this::listIncomingPayments));
    routes.get("/incoming-payments/{id}", JsonHandler.of(this::getIncomingPayment));
    routes.post("/incoming-payments/{id}/complete", JsonHandler.of(this::completeIncomingPayment));
    routes.post("/quotes", JsonHandler.of(this::createQuote));
    routes.get("/quotes/{id}", JsonHandler.of(this::getQuote));
    routes.post("/outgoing-payments", JsonHandler.of(this::createOutgoingPayment));
    routes.get("/outgoing-payments", JsonHandler.of(this::listOutgoingPayments));
    routes.get("/outgoing-payments/{id}", JsonHandler.of(this::getOutgoingPayment));
    routes.get("/outgoing-payment-grant", JsonHandler.of(this::getOutgoingPaymentGrant));
  }

  private void createIncomingPayment(Context ctx) {
    ResourceRequest request = request(ctx, "create-incoming-payment");
    CreateIncomingPaymentRequest body =
        body(ctx, "create-incoming-payment", CreateIncomingPaymentRequest.class);
    IncomingPaymentRecord payment = incoming.create(request, body);
    ctx.status(201).json(incomingViews.withMethods(request.ase(), payment, now(request)));
  }

  private void listIncomingPayments(Context ctx) {
    ResourceRequest request = request(ctx, "list-incoming-payments");
    String wallet = requiredQuery(ctx, "wallet-address");
    PageResult<IncomingPaymentRecord> page = incoming.list(request, wallet, pageRequest(ctx));
    var now = now(request);
    ctx.json(
        page(
            page,
            p -> incomingViews.withoutMethods(request.ase(), p, now),
            IncomingPaymentRecord::id));
  }

  private void getIncomingPayment(Context ctx) {
    ResourceRequest request = request(ctx, "get-incoming-payment");
    UUID id = id(ctx, "incoming payment");
    if (!request.hasAuthorization()) {
      ctx.json(incomingViews.publicView(request.ase(), incoming.getPublic(request.ase(), id)));
      return;
    }
    IncomingPaymentRecord payment = incoming.get(request, id);
    ctx.json(incomingViews.withMethods(request.ase(), payment, now(request)));
  }

  private void completeIncomingPayment(Context ctx) {
    ResourceRequest request = request(ctx, "complete-incoming-payment");
    UUID id = id(ctx, "incoming payment");
    IncomingPaymentRecord payment = incoming.complete(request, id);
    ctx.json(incomingViews.withoutMethods(request.ase(), payment, now(request)));
  }

  private void createQuote(Context ctx) {
    ResourceRequest request = request(ctx, "create-quote");
    CreateQuoteRequest body = body(ctx, "create-quote", CreateQuoteRequest.class);
    ctx.status(201).json(QuoteViews.render(request.ase(), quotes.create(request, body)));
  }

  private void getQuote(Context ctx) {
    ResourceRequest request = request(ctx, "get-quote");
    UUID id = id(ctx, "quote");
    ctx.json(QuoteViews.render(request.ase(), quotes.get(request, id)));
  }

  private void createOutgoingPayment(Context ctx) {
    ResourceRequest request = request(ctx, "create-outgoing-payment");
    CreateOutgoingPaymentRequest body =
        body(ctx, "create-outgoing-payment", CreateOutgoingPaymentRequest.class);
    ctx.status(201)
        .json(OutgoingPaymentViews.created(request.ase(), outgoing.create(request, body)));
  }

  private void listOutgoingPayments(Context ctx) {
    ResourceRequest request = request(ctx, "list-outgoing-payments");
    String wallet = requiredQuery(ctx, "wallet-address");
    ctx.json(
        page(
            outgoing.list(request, wallet, pageRequest(ctx)),
            p -> OutgoingPaymentViews.render(request.ase(), p),
            p -> p.id()));
  }

  private void getOutgoingPayment(Context ctx) {
    ResourceRequest request = request(ctx, "get-outgoing-payment");
    UUID id = id(ctx, "outgoing payment");
    ctx.json(OutgoingPaymentViews.render(request.ase(), outgoing.get(request, id)));
  }

  private void getOutgoingPaymentGrant(Context ctx) {
    // Rafiki runs no request validation on this route: a missing signature is refused by the
    // signature check after the token (401), in every profile.
    Optional<SpentAmounts> spent = outgoing.grantSpent(unvalidatedRequest(ctx));
    ctx.json(
        new GrantSpentAmounts(
            spent.map(SpentAmounts::debit).orElse(null),
            spent.map(SpentAmounts::receive).orElse(null)));
  }

  /** The request of an operation, once it has the headers the operation requires. */
  private ResourceRequest request(Context ctx, String operationId) {
    ResourceRequest request = unvalidatedRequest(ctx);
    schemas.requireHeaders(
        request.ase().profile(), Spec.RESOURCE_SERVER, operationId, request.message());
    return request;
  }

  private ResourceRequest unvalidatedRequest(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    return new ResourceRequest(
        ase, SignedMessages.of(ctx, ase.ase().publicBase()), ctx.header("Authorization"));
  }

  private static java.time.Instant now(ResourceRequest request) {
    return request.ase().session().now();
  }

  private <T> T body(Context ctx, String operationId, Class<T> type) {
    JsonNode json = JsonRequests.requiredJson(ctx);
    schemas.validate(Spec.RESOURCE_SERVER, operationId, json);
    try {
      return Json.mapper().treeToValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ApiException.badRequest("the body does not fit " + operationId + ": " + e.getMessage());
    }
  }

  private UUID id(Context ctx, String what) {
    String raw = ctx.pathParam("id");
    return ResourceIds.uuid(raw)
        .orElseThrow(
            () ->
                ResourceIds.unknown(
                    routing.ase(ctx),
                    "there is no " + what + " '" + raw + "' on this resource server"));
  }

  private static String requiredQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(
          "the query parameter '" + name + "' is required: the wallet address URL to list");
    }
    return value;
  }

  private static PageRequest pageRequest(Context ctx) {
    return PageRequest.parse(
        ctx.queryParam("first"), ctx.queryParam("last"), ctx.queryParam("cursor"));
  }

  private static <R, T> Page<T> page(
      PageResult<R> result, Function<R, T> render, Function<R, UUID> cursor) {
    List<R> items = result.items();
    PageInfo info =
        new PageInfo(
            items.isEmpty() ? null : cursor.apply(items.get(0)).toString(),
            items.isEmpty() ? null : cursor.apply(items.get(items.size() - 1)).toString(),
            result.hasNextPage(),
            result.hasPreviousPage());
    return new Page<>(info, items.stream().map(render).toList());
  }
}
