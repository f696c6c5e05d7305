package dev.opkit.mock.auth.grant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.client.ClientDirectory;
import dev.opkit.mock.auth.client.ClientIdentity;
import dev.opkit.mock.auth.client.ClientKeysUnavailable;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.token.AccessTokenRecord;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.events.EventType;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.GrantRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractResponse;
import dev.opkit.protocol.openapi.Spec;
import dev.opkit.protocol.signature.HttpMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Grant requests (auth-server {@code post-request}; RFC 9635 §2–3; PROTOCOL.md §4.1): checks the
 * body against the 1.3.0 schema, the signature against the client's keys, and the {@link
 * GrantRules}; then approves at once (access token + continue) or asks for the user's consent
 * (interact + continue with {@code wait}).
 */
public final class GrantService {
  private final GrantStore store;
  private final GrantRules rules;
  private final ClientSignatures signatures;
  private final ClientDirectory directory;
  private final TokenService tokens;
  private final OpaqueValues values;
  private final GrantEvents events;
  private final RequestSchemas schemas;
  private final AuthConfig config;
  private final Clock clock;

  public GrantService(
      GrantStore store,
      GrantRules rules,
      ClientSignatures signatures,
      ClientDirectory directory,
      TokenService tokens,
      OpaqueValues values,
      GrantEvents events,
      RequestSchemas schemas,
      AuthConfig config,
      Clock clock) {
    this.store = store;
    this.rules = rules;
    this.signatures = signatures;
    this.directory = directory;
    this.tokens = tokens;
    this.values = values;
    this.events = events;
    this.schemas = schemas;
    this.config = config;
    this.clock = clock;
  }

  /**
   * {@code post-request} at a provider's grant endpoint.
   *
   * @param message the request as signed
   * @param body the parsed body, or empty when the request had none
   * @throws ApiException 400 {@code invalid_request} or {@code invalid_client}, 401 {@code
   *     invalid_client} for the signature
   */
  public GrantResponse request(Ase ase, HttpMessage message, Optional<JsonNode> body) {
    JsonNode json =
        body.orElseThrow(
            () ->
                new ApiException(
                    400,
                    GnapErrorCode.INVALID_REQUEST.code(),
                    "a grant request needs a JSON body with client and access_token"));
    schemas.validate(Spec.AUTH_SERVER, "post-request", json);
    GrantRequest request = read(json);
    ClientIdentity client = ClientIdentity.of(request.client());
    boolean interactive = rules.check(ase, request, client);
    signatures.verify(ase, message, client, RequestKind.GRANT_REQUEST);
    String clientName = interactive ? publicName((ClientIdentity.WalletAddress) client) : null;
    Instant now = clock.instant();
    Interaction interaction =
        interactive
            ? new Interaction(
                UUID.randomUUID().toString(),
                values.nonce(),
                values.nonce(),
                request.interact().finish(),
                now.plus(config.interactionLifetime()))
            : null;
    Grant grant =
        new Grant(
            UUID.randomUUID().toString(),
            ase,
            client,
            clientName,
            request.accessToken() == null ? List.of() : request.accessToken().access(),
            request.subject(),
            interaction,
            UUID.randomUUID().toString(),
            values.token(),
            interactive ? ase.profile().continueWait() : null,
            now);
    store.add(grant);
    events.publish(EventType.GRANT_REQUESTED, grant);
    if (interactive) {
      return GrantResponse.interactionRequired(
          new InteractResponse(redirectUrl(grant), interaction.finishNonce()),
          Continue.of(
              grant.continueToken(),
              grant.continueUri(),
              (int) ase.profile().continueWait().toSeconds()));
    }
    AccessTokenRecord token = tokens.issue(grant);
    events.publish(EventType.GRANT_APPROVED, grant);
    return GrantResponse.approved(
        tokens.view(token), Continue.of(grant.continueToken(), grant.continueUri(), null));
  }

  /** The consent page's URL: {@code {auth}/interact/{id}/{nonce}}. */
  public static String redirectUrl(Grant grant) {
    Interaction interaction = grant.interaction().orElseThrow();
    return grant.ase().authServerUrl()
        + "/interact/"
        + interaction.id()
        + "/"
        + interaction.urlNonce();
  }

  /** A provider's grants, newest first. */
  public List<Grant> all(Ase ase) {
    return store.all(ase);
  }

  /** A grant of a provider by id. */
  public Optional<Grant> find(Ase ase, String id) {
    return store.find(id).filter(g -> g.ase() == ase);
  }

  public void clear() {
    store.clear();
  }

  private String publicName(ClientIdentity.WalletAddress client) {
    Optional<String> name;
    try {
      name = directory.publicName(client);
    } catch (ClientKeysUnavailable e) {
      throw new ApiException(
          400,
          GnapErrorCode.INVALID_CLIENT.code(),
          "client wallet address unreachable: " + e.getMessage());
    }
    return name.orElseThrow(
        () ->
            new ApiException(
                400,
                GnapErrorCode.INVALID_CLIENT.code(),
                "the client wallet address "
                    + client.url()
                    + " has no publicName, which the consent page shows the user; give it one"
                    + " (deployed wallets refuse interactive grants without it too)"));
  }

  private static GrantRequest read(JsonNode json) {
    try {
      return Json.mapper().treeToValue(json, GrantRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new ApiException(
          400,
          GnapErrorCode.INVALID_REQUEST.code(),
          "the grant request does not fit the post-request schema: " + e.getMessage());
    }
  }
}
