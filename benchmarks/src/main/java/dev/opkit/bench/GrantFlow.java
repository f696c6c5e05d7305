package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A client's GNAP grant requests (RFC 9635; PROTOCOL.md §4): grants approved at once, and the
 * interactive path — grant request, the consent page (auto-accepted by the sandbox), the finish
 * redirect whose hash the client checks, and the continuation with the {@code interact_ref}.
 */
final class GrantFlow {
  static final String FINISH_URI = "https://bench.example/finish";

  private final SignedClient client;
  private final String app;

  /**
   * @param app the client's wallet address URL, sent as {@code client}
   */
  GrantFlow(SignedClient client, String app) {
    this.client = client;
    this.app = app;
  }

  /** The same grants from {@code other}, the same client recording elsewhere. */
  GrantFlow with(SignedClient other) {
    return new GrantFlow(other, app);
  }

  /** An access token and its management URL. */
  record Token(String value, String manage) {
    static Token of(JsonNode answer) {
      return new Token(
          answer.at("/access_token/value").asText(), answer.at("/access_token/manage").asText());
    }
  }

  /** A grant the auth server approves at once (incoming payments, quotes). */
  Token approved(Step step, String authServer, ArrayNode access) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("access_token").set("access", access);
    body.put("client", app);
    return Token.of(client.post(step, authServer, null, Json.write(body), 200).json());
  }

  /** A grant that needs consent: request, consent page, finish redirect, continuation. */
  Token interactive(String authServer, ArrayNode access) {
    String clientNonce = UUID.randomUUID().toString();
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("access_token").set("access", access);
    body.put("client", app);
    ObjectNode interact = body.putObject("interact");
    interact.putArray("start").add("redirect");
    ObjectNode finish = interact.putObject("finish");
    finish.put("method", "redirect");
    finish.put("uri", FINISH_URI);
    finish.put("nonce", clientNonce);
    JsonNode pending =
        client.post(Step.OUTGOING_GRANT, authServer, null, Json.write(body), 200).json();
    if (pending.at("/continue/wait").asInt(0) != 0) {
      throw new JourneyFailure(
          "the sandbox asks to wait "
              + pending.at("/continue/wait").asInt()
              + " s before continuing; the benchmark needs continueWait PT0S");
    }
    String interactRef = consent(pending, clientNonce, authServer);
    return Token.of(
        client
            .post(
                Step.CONTINUE,
                pending.at("/continue/uri").asText(),
                pending.at("/continue/access_token/value").asText(),
                Json.write(Map.of("interact_ref", interactRef)),
                200)
            .json());
  }

  /** Rotates a token at its management URL. */
  Token rotate(Token token) {
    return Token.of(client.post(Step.ROTATE, token.manage(), token.value(), null, 200).json());
  }

  /** One access item: a type, an optional identifier and actions. */
  static ArrayNode access(String type, String identifier, String... actions) {
    ArrayNode access = Json.mapper().createArrayNode();
    ObjectNode item = access.addObject();
    item.put("type", type);
    ArrayNode list = item.putArray("actions");
    for (String action : actions) {
      list.add(action);
    }
    if (identifier != null) {
      item.put("identifier", identifier);
    }
    return access;
  }

  /** Follows the consent page (auto-accepted) to the finish redirect; checks its hash. */
  private String consent(JsonNode pending, String clientNonce, String authServer) {
    Reply redirect =
        client.browse(Step.INTERACTION, pending.at("/interact/redirect").asText(), 303);
    String location =
        redirect
            .location()
            .orElseThrow(() -> new JourneyFailure("the consent page sent no Location"));
    Map<String, String> query = query(location);
    String interactRef = query.get("interact_ref");
    if (!location.startsWith(FINISH_URI) || interactRef == null) {
      throw new JourneyFailure("consent did not finish with an interact_ref: " + location);
    }
    FinishHash expected =
        new FinishHash(
            clientNonce, pending.at("/interact/finish").asText(), interactRef, authServer);
    if (!expected.matches(query.get("hash"))) {
      throw new JourneyFailure("the finish redirect's hash does not match: " + location);
    }
    return interactRef;
  }

  private static Map<String, String> query(String location) {
    Map<String, String> parameters = new HashMap<>();
    String raw = URI.create(location).getRawQuery();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}
