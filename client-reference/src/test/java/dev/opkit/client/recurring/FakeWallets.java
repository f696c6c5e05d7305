package dev.opkit.client.recurring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.FakeServer;
import dev.opkit.client.FakeServer.Received;
import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.MutableClock;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.gnap.HashEncoding;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One fake wallet provider with a sender (alice), a receiver (bob) and a client wallet address,
 * answering just enough of the auth and resource servers for the recurring-payments flow; it checks
 * every signature with the protocol verifier and keeps the outgoing payments it created.
 */
public final class FakeWallets implements AutoCloseable {
  public static final Instant START = Instant.parse("2025-05-20T13:00:00Z");
  public static final String KEY_ID = "engine-key";

  public final MutableClock clock = new MutableClock(START);
  public final Ed25519KeyPair key = Ed25519KeyPair.generate();
  // As in the sandbox, signatures are dated and checked in real time; the wallet's own time (the
  // clock) is what tests move.
  public final FakeServer server = new FakeServer(key.publicKey(), KEY_ID, Clock.systemUTC());
  public final OpenPaymentsClient client =
      OpenPaymentsClient.create(
          new ClientIdentity(server.url("/client"), key, KEY_ID), ClientOptions.defaults());

  /** Created outgoing payments, oldest first. */
  public final List<ObjectNode> outgoing = new CopyOnWriteArrayList<>();

  final Map<String, JsonNode> incoming = new ConcurrentHashMap<>();
  final AtomicInteger ids = new AtomicInteger();
  volatile String currentToken;
  public volatile boolean revoked;
  volatile int continueWait;
  volatile int tooFastAnswers;
  public volatile Reply refuseNextPayment;
  public volatile String spentAmounts = "{\"spentDebitAmount\":null,\"spentReceiveAmount\":null}";
  private volatile String clientNonce;
  private volatile String finishUri;
  volatile Function<Received, Optional<Reply>> override = request -> Optional.empty();

  public FakeWallets() {
    server.route(request -> override.apply(request).or(() -> answer(request)));
  }

  public String url(String path) {
    return server.url(path);
  }

  /** A handler that approves at once with a correct finish hash in the given encoding. */
  InteractionHandler approving(HashEncoding encoding) {
    return handler(
        interaction ->
            new InteractionResult.Approved(
                "REF-1",
                new FinishHash(
                        interaction.clientNonce(),
                        interaction.serverNonce(),
                        "REF-1",
                        interaction.grantEndpoint())
                    .encode(encoding)));
  }

  static InteractionHandler handler(Function<Interaction, InteractionResult> result) {
    return new InteractionHandler() {
      @Override
      public String finishUri() {
        return "http://localhost:3344";
      }

      @Override
      public InteractionResult interact(Interaction interaction) {
        return result.apply(interaction);
      }
    };
  }

  private Optional<Reply> answer(Received request) {
    String path = URI.create(request.url()).getPath();
    String key = request.method() + " " + path;
    if (key.equals("GET /alice") || key.equals("GET /bob") || key.equals("GET /client")) {
      return json(200, wallet(path.substring(1)));
    }
    if (key.equals("POST /auth")) {
      JsonNode body = body(request);
      if (body.has("interact")) {
        clientNonce = body.at("/interact/finish/nonce").asText();
        finishUri = body.at("/interact/finish/uri").asText();
      }
      return grant(body);
    }
    if (key.equals("GET /interact/1")) {
      return Optional.of(
          new Reply(
              200,
              "<form method=\"post\"><input type=\"hidden\" name=\"consent_token\""
                  + " value=\"PAGE-1\"></form>",
              Map.of(),
              0));
    }
    if (key.equals("POST /interact/1")) {
      return Optional.of(new Reply(303, "", Map.of("Location", finishRedirect(request)), 0));
    }
    if (key.equals("GET /clock")) {
      return json(200, "{\"now\":\"" + clock.instant() + "\"}");
    }
    if (key.equals("POST /continue/1")) {
      return continueGrant(request);
    }
    if (key.equals("DELETE /continue/1")) {
      revoked = true;
      return Optional.of(Reply.empty(204));
    }
    if (request.method().equals("POST") && path.startsWith("/token/")) {
      return rotate(request, path.substring("/token/".length()));
    }
    if (key.equals("POST /incoming-payments")) {
      return createIncoming(body(request));
    }
    if (key.equals("POST /quotes")) {
      return createQuote(body(request));
    }
    if (key.equals("POST /outgoing-payments")) {
      return createOutgoing(request);
    }
    if (key.equals("GET /outgoing-payments")) {
      return listOutgoing(request);
    }
    if (key.equals("GET /outgoing-payment-grant")) {
      return requireOutgoingToken(request).or(() -> json(200, spentAmounts));
    }
    return Optional.empty();
  }

  private String finishRedirect(Received request) {
    if (!request.body().equals("consent_token=PAGE-1&decision=accept")) {
      return finishUri + "?result=grant_rejected";
    }
    String hash =
        new FinishHash(clientNonce, "AS-NONCE", "REF-1", server.url("/auth"))
            .encode(HashEncoding.STANDARD_PADDED);
    return finishUri
        + "?hash="
        + URLEncoder.encode(hash, StandardCharsets.UTF_8)
        + "&interact_ref=REF-1";
  }

  private String wallet(String name) {
    return """
        {"id":"%1$s/%2$s","publicName":"%2$s","assetCode":"USD","assetScale":2,\
        "authServer":"%1$s/auth","resourceServer":"%1$s"}"""
        .formatted(server.origin(), name);
  }

  private Optional<Reply> grant(JsonNode body) {
    String type = body.at("/access_token/access/0/type").asText();
    if (type.equals("outgoing-payment")) {
      return json(
          200,
          """
          {"interact":{"redirect":"%1$s/interact/1","finish":"AS-NONCE"},\
          "continue":{"access_token":{"value":"CONT-1"},"uri":"%1$s/continue/1","wait":%2$d}}"""
              .formatted(server.origin(), continueWait));
    }
    String token = type.toUpperCase(java.util.Locale.ROOT) + "-" + ids.incrementAndGet();
    return json(
        200,
        """
        {"access_token":{"value":"%2$s","manage":"%1$s/manage/%2$s","expires_in":600,\
        "access":%3$s},\
        "continue":{"access_token":{"value":"C-%2$s"},"uri":"%1$s/continue/x"}}"""
            .formatted(server.origin(), token, body.at("/access_token/access")));
  }

  private Optional<Reply> continueGrant(Received request) {
    if (tooFastAnswers > 0) {
      tooFastAnswers--;
      return json(400, "{\"error\":{\"code\":\"too_fast\",\"description\":\"wait\"}}");
    }
    if (!body(request).has("interact_ref")) {
      return json(401, "{\"error\":{\"code\":\"request_denied\",\"description\":\"no ref\"}}");
    }
    currentToken = "OUT-" + ids.incrementAndGet();
    return json(200, tokenAnswer(currentToken, true));
  }

  private String tokenAnswer(String token, boolean withContinue) {
    String accessToken =
        """
        "access_token":{"value":"%2$s","manage":"%1$s/token/%2$s","expires_in":600,\
        "access":[{"type":"outgoing-payment","actions":["create","read","list"],\
        "identifier":"%1$s/alice"}]}"""
            .formatted(server.origin(), token);
    return withContinue
        ? "{"
            + accessToken
            + ",\"continue\":{\"access_token\":{\"value\":\"CONT-1\"},\"uri\":\""
            + server.url("/continue/1")
            + "\"}}"
        : "{" + accessToken + "}";
  }

  private Optional<Reply> rotate(Received request, String token) {
    if (revoked || !token.equals(currentToken) || !request.verification().verified()) {
      return json(401, "{\"error\":{\"code\":\"invalid_client\",\"description\":\"revoked\"}}");
    }
    currentToken = "OUT-" + ids.incrementAndGet();
    return json(200, tokenAnswer(currentToken, false));
  }

  private Optional<Reply> createIncoming(JsonNode body) {
    String id = server.url("/incoming-payments/in-" + ids.incrementAndGet());
    incoming.put(id, body);
    String amount =
        body.has("incomingAmount") ? ",\"incomingAmount\":" + body.get("incomingAmount") : "";
    return json(
        201,
        """
        {"id":"%s","walletAddress":"%s","completed":false%s,\
        "receivedAmount":{"value":"0","assetCode":"USD","assetScale":2},\
        "createdAt":"%s","methods":[]}"""
            .formatted(id, body.get("walletAddress").asText(), amount, clock.instant()));
  }

  private Optional<Reply> createQuote(JsonNode body) {
    JsonNode receiverBody = incoming.get(body.get("receiver").asText());
    JsonNode amount =
        body.has("debitAmount") ? body.get("debitAmount") : receiverBody.get("incomingAmount");
    String id = server.url("/quotes/q-" + ids.incrementAndGet());
    return json(
        201,
        """
        {"id":"%s","walletAddress":"%s","receiver":"%s","debitAmount":%s,"receiveAmount":%s,\
        "method":"ilp","createdAt":"%s","expiresAt":"%s"}"""
            .formatted(
                id,
                body.get("walletAddress").asText(),
                body.get("receiver").asText(),
                amount,
                amount,
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5))));
  }

  private Optional<Reply> requireOutgoingToken(Received request) {
    String expected = "GNAP " + currentToken;
    if (revoked
        || !request.header("Authorization").orElse("").equals(expected)
        || !request.verification().verified()) {
      return json(403, "{\"error\":{\"code\":\"403\",\"description\":\"Inactive Token\"}}");
    }
    return Optional.empty();
  }

  private Optional<Reply> createOutgoing(Received request) {
    Optional<Reply> refused = requireOutgoingToken(request);
    if (refused.isPresent()) {
      return refused;
    }
    Reply refusal = refuseNextPayment;
    if (refusal != null) {
      refuseNextPayment = null;
      return Optional.of(refusal);
    }
    JsonNode body = body(request);
    String quoteId = body.get("quoteId").asText();
    ObjectNode payment = Json.mapper().createObjectNode();
    payment.put("id", server.url("/outgoing-payments/p-" + ids.incrementAndGet()));
    payment.put("walletAddress", body.get("walletAddress").asText());
    payment.put("quoteId", quoteId);
    payment.put("failed", false);
    payment.put("receiver", server.url("/incoming-payments/unknown"));
    ObjectNode amount = Json.mapper().createObjectNode();
    amount.put("value", "500");
    amount.put("assetCode", "USD");
    amount.put("assetScale", 2);
    payment.set("receiveAmount", amount);
    payment.set("debitAmount", amount);
    payment.set("sentAmount", amount);
    if (body.has("metadata")) {
      payment.set("metadata", body.get("metadata"));
    }
    payment.put("createdAt", clock.instant().toString());
    outgoing.add(payment);
    return json(201, payment.toString());
  }

  private Optional<Reply> listOutgoing(Received request) {
    Optional<Reply> refused = requireOutgoingToken(request);
    if (refused.isPresent()) {
      return refused;
    }
    List<ObjectNode> newestFirst = new ArrayList<>(outgoing);
    java.util.Collections.reverse(newestFirst);
    return json(
        200,
        "{\"pagination\":{\"hasNextPage\":false,\"hasPreviousPage\":false},\"result\":"
            + newestFirst
            + "}");
  }

  private static JsonNode body(Received request) {
    try {
      return request.body().isEmpty()
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(request.body());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + request.body(), e);
    }
  }

  private static Optional<Reply> json(int status, String body) {
    return Optional.of(Reply.json(status, body));
  }

  @Override
  public void close() {
    server.close();
  }
}
