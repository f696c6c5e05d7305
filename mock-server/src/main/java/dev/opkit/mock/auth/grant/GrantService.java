package dev.opkit.mock.auth.grant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.client.ClientDirectory;
import dev.opkit.mock.auth.client.ClientKeysUnavailable;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientIdentity;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.Interaction;
import dev.opkit.mock.store.Misbehaviour;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.Transactions;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.GrantRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractResponse;
import dev.opkit.protocol.openapi.Spec;
import dev.opkit.protocol.signature.HttpMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Grant requests (auth-server {@code post-request}; RFC 9635 §2–3; PROTOCOL.md §4.1): checks the
 * body against the 1.3.0 schema, the signature against the client's keys, and the {@link
 * GrantRules}; then, in one transaction, stores the grant and approves it at once (access token +
 * continue) or asks for the user's consent (interact + continue with {@code wait}).
 */
public final class GrantService {
  /** At most this many grants are listed, newest first. */
  public static final int MAX_LISTED = 1000;

  private final Transactions storage;
  private final GrantRules rules;
  private final ClientSignatures signatures;
  private final ClientDirectory directory;
  private final TokenService tokens;
  private final OpaqueValues values;
  private final GrantEvents events;
  private final RequestSchemas schemas;
  private final AuthConfig config;
  private final Misbehaviours misbehaviours;

  public GrantService(
      Transactions storage,
      GrantRules rules,
      ClientSignatures signatures,
      ClientDirectory directory,
      TokenService tokens,
      OpaqueValues values,
      GrantEvents events,
      RequestSchemas schemas,
      AuthConfig config,
      Misbehaviours misbehaviours) {
    this.misbehaviours = misbehaviours;
    this.storage = storage;
    this.rules = rules;
    this.signatures = signatures;
    this.directory = directory;
    this.tokens = tokens;
    this.values = values;
    this.events = events;
    this.schemas = schemas;
    this.config = config;
  }

  /**
   * {@code post-request} at a provider's grant endpoint.
   *
   * @param message the request as signed
   * @param body the parsed body, or empty when the request had none
   * @throws ApiException 400 {@code invalid_request} or {@code invalid_client}, 401 {@code
   *     invalid_client} for the signature
   */
  public GrantResponse request(SessionAse ase, HttpMessage message, Optional<JsonNode> body) {
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
    String clientName = interactive ? publicName(ase, (ClientIdentity.WalletAddress) client) : null;
    String grantId = UUID.randomUUID().toString();
    String interactionId = UUID.randomUUID().toString();
    String urlNonce = values.nonce();
    String finishNonce = values.nonce();
    String continueId = UUID.randomUUID().toString();
    String continueToken = values.token();
    return storage.write(
        ase.sessionId(),
        tx -> {
          Instant now = ase.session().now(tx);
          List<AccessItem> access =
              request.accessToken() == null ? List.of() : request.accessToken().access();
          Duration wait =
              interactive
                  ? misbehaviours
                      .onGrant(
                          tx,
                          ase,
                          MisbehaviourKind.RAISED_WAIT,
                          grantId,
                          continueId,
                          walletAddresses(client, access))
                      .map(Misbehaviour::waitTime)
                      .orElse(ase.profile().continueWait())
                  : null;
          // interaction-expired: the user is too late whenever they come back
          boolean expired =
              interactive
                  && misbehaviours
                      .onGrant(
                          tx,
                          ase,
                          MisbehaviourKind.INTERACTION_EXPIRED,
                          grantId,
                          continueId,
                          walletAddresses(client, access))
                      .isPresent();
          Interaction interaction =
              interactive
                  ? new Interaction(
                      interactionId,
                      urlNonce,
                      finishNonce,
                      request.interact().finish(),
                      expired ? now : now.plus(config.interactionLifetime()))
                  : null;
          GrantRecord grant =
              GrantRecord.requested(
                  grantId,
                  ase.name(),
                  client,
                  clientName,
                  access,
                  request.subject(),
                  interaction,
                  continueId,
                  continueToken,
                  wait,
                  now);
          tx.grants().save(grant);
          events.publish(tx, ase, EventType.GRANT_REQUESTED, grant);
          if (interactive) {
            return GrantResponse.interactionRequired(
                new InteractResponse(redirectUrl(ase, grant), interaction.finishNonce()),
                Continue.of(
                    grant.continueToken(), continueUri(ase, grant), (int) wait.toSeconds()));
          }
          TokenRecord token = tokens.issue(tx, ase, grant, now);
          events.publish(tx, ase, EventType.GRANT_APPROVED, grant);
          return GrantResponse.approved(
              TokenService.view(ase, token, grant, now),
              Continue.of(grant.continueToken(), continueUri(ase, grant), null));
        });
  }

  /** The consent page's URL: {@code {auth}/interact/{id}/{nonce}}. */
  public static String redirectUrl(SessionAse ase, GrantRecord grant) {
    Interaction interaction = grant.interactionIfAny().orElseThrow();
    return ase.authServerUrl() + "/interact/" + interaction.id() + "/" + interaction.urlNonce();
  }

  /** The continuation URI: {@code {auth}/continue/{continueId}}. */
  public static String continueUri(SessionAse ase, GrantRecord grant) {
    return ase.authServerUrl() + "/continue/" + grant.continueId();
  }

  /** A provider's grants in the session, newest first (at most {@value #MAX_LISTED}). */
  public List<GrantRecord> all(SessionAse ase) {
    return storage.read(ase.sessionId(), reads -> reads.grants().newest(ase.name(), MAX_LISTED));
  }

  /** A grant of a provider in the session, by id. */
  public Optional<GrantRecord> find(SessionAse ase, String id) {
    return storage.read(ase.sessionId(), reads -> find(reads, ase, id));
  }

  /** A grant of a provider, by id, as {@code reads} sees the session. */
  public static Optional<GrantRecord> find(Reads reads, SessionAse ase, String id) {
    return reads.grants().find(id).filter(g -> g.ase().equals(ase.name()));
  }

  private String publicName(SessionAse ase, ClientIdentity.WalletAddress client) {
    Optional<String> name;
    try {
      name = directory.publicName(ase, client);
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

  /** The wallet addresses a grant concerns: its client's and those its access items name. */
  public static List<String> walletAddresses(ClientIdentity client, List<AccessItem> access) {
    return GrantRecord.walletAddresses(client, access);
  }
}
