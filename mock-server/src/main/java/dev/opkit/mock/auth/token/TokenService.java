package dev.opkit.mock.auth.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.GrantState;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.TokenState;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.signature.HttpMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens (auth-server tag {@code token}; RFC 9635 §6; PROTOCOL.md §4.4): issuing, rotation
 * (the old value and manage URL die at once, exactly one successor even under concurrent
 * rotations), revocation, and the lookup the resource server's introspection uses. Every change is
 * one transaction that takes the token's grant for update first, so a revoked grant never gains a
 * token; lifetimes follow the provider's behaviour profile and the session clock.
 */
public final class TokenService {
  private final Transactions storage;
  private final OpaqueValues values;
  private final ClientSignatures signatures;
  private final Events events;
  private final Misbehaviours misbehaviours;

  public TokenService(
      Transactions storage,
      OpaqueValues values,
      ClientSignatures signatures,
      Events events,
      Misbehaviours misbehaviours) {
    this.misbehaviours = misbehaviours;
    this.storage = storage;
    this.values = values;
    this.signatures = signatures;
    this.events = events;
  }

  /**
   * Issues a live token for a grant being finalized, inside the transaction that took the grant for
   * update.
   *
   * @param grant the grant's current version
   * @throws IllegalStateException when the grant is revoked
   */
  public TokenRecord issue(Tx tx, SessionAse ase, GrantRecord grant, Instant now) {
    if (grant.state() == GrantState.REVOKED) {
      throw new IllegalStateException("grant " + grant.id() + " was revoked; it gets no token");
    }
    TokenRecord token =
        TokenRecord.issued(
            values.token(),
            UUID.randomUUID().toString(),
            grant.id(),
            grant.ase(),
            now,
            now.plus(ase.profile().tokenLifetime()));
    tx.tokens().save(token);
    return token;
  }

  /** The token as the auth server answers with it (schema {@code access_token}). */
  public static AccessToken view(
      SessionAse ase, TokenRecord token, GrantRecord grant, Instant now) {
    // Rounded up, so a token issued just now reports its whole lifetime.
    long millis = Duration.between(now, token.expiresAt()).toMillis();
    long seconds = Math.floorDiv(millis + 999, 1000);
    return new AccessToken(
        token.value(),
        manageUrl(ase, token),
        (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds)),
        grant.access());
  }

  /** The management URL: {@code {auth}/token/{manageId}}. */
  public static String manageUrl(SessionAse ase, TokenRecord token) {
    return ase.authServerUrl() + "/token/" + token.manageId();
  }

  /**
   * {@code post-token}: rotates the token managed at {@code manageId}.
   *
   * @return the successor, as the auth server answers with it
   * @throws ApiException 401 {@code invalid_client} for a missing or wrong token or a bad
   *     signature, or a token rotated away or revoked; 404 {@code invalid_rotation} for an unknown
   *     manage URL; 400 {@code invalid_rotation} for an expired token in a profile that does not
   *     rotate those
   */
  public AccessToken rotate(
      SessionAse ase, String manageId, String authorization, HttpMessage message) {
    String presented = presentedToken(authorization);
    TokenRecord seen =
        managed(ase, manageId)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        GnapErrorCode.INVALID_ROTATION.code(),
                        "no access token is managed at "
                            + ase.authServerUrl()
                            + "/token/"
                            + manageId));
    authenticate(ase, seen, presented, message);
    Rotation rotation =
        storage.write(
            ase.sessionId(),
            tx -> {
              GrantRecord grant = tx.grants().forUpdate(seen.grantId()).orElseThrow();
              TokenRecord token = tx.tokens().findByManageId(manageId).orElseThrow();
              Instant now = ase.session().now(tx);
              requireLive(token);
              if (token.expiredAt(now)) {
                Optional<ApiException> refused = refusedRotation(tx, ase, grant, token, now);
                if (refused.isPresent()) {
                  // returned, not thrown: a misbehaviour's firing is kept with the refusal
                  return new Rotation(null, refused.get());
                }
              }
              tx.tokens().save(token.end(TokenState.ROTATED, now));
              TokenRecord rotated = issue(tx, ase, grant, now);
              publish(tx, ase, EventType.TOKEN_ROTATED, token, grant, rotated);
              return new Rotation(view(ase, rotated, grant, now), null);
            });
    if (rotation.refusal() != null) {
      throw rotation.refusal();
    }
    return rotation.token();
  }

  /** A rotation's end: the successor, or the refusal to throw once the transaction committed. */
  private record Rotation(AccessToken token, ApiException refusal) {}

  /**
   * Why an expired token is not rotated: the profile does not rotate expired tokens, or a {@code
   * rotation-refused} fires on its grant (the same answer, for one grant).
   */
  private Optional<ApiException> refusedRotation(
      Tx tx, SessionAse ase, GrantRecord grant, TokenRecord token, Instant now) {
    String why;
    if (!ase.profile().rotateExpiredTokens()) {
      why = "the " + ase.profile().name() + " profile does not rotate expired tokens";
    } else if (misbehaviours
        .onGrant(
            tx,
            ase,
            MisbehaviourKind.ROTATION_REFUSED,
            grant.id(),
            grant.continueId(),
            grant.walletAddresses(),
            List.of(ClientExchange.tag(token.value())))
        .isPresent()) {
      why = "this wallet does not rotate the expired tokens of this grant";
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            400,
            GnapErrorCode.INVALID_ROTATION.code(),
            "this access token expired at "
                + token.expiresAt()
                + " (sandbox clock: "
                + now
                + "); "
                + why
                + ": request a new grant"));
  }

  /**
   * {@code delete-token}: revokes the token managed at {@code manageId}.
   *
   * @throws ApiException 401 {@code invalid_client} for an unknown manage URL, a missing or wrong
   *     token, a bad signature, or a token that ended already
   */
  public void revoke(SessionAse ase, String manageId, String authorization, HttpMessage message) {
    String presented = presentedToken(authorization);
    TokenRecord seen =
        managed(ase, manageId)
            .orElseThrow(
                () ->
                    invalidClient(
                        "no access token is managed at "
                            + ase.authServerUrl()
                            + "/token/"
                            + manageId));
    authenticate(ase, seen, presented, message);
    storage.write(
        ase.sessionId(),
        tx -> {
          GrantRecord grant = tx.grants().forUpdate(seen.grantId()).orElseThrow();
          TokenRecord token = tx.tokens().findByManageId(manageId).orElseThrow();
          requireLive(token);
          tx.tokens().save(token.end(TokenState.REVOKED, ase.session().now(tx)));
          publish(tx, ase, EventType.TOKEN_REVOKED, token, grant, null);
          return null;
        });
  }

  /** Revokes every live token of a grant, inside the transaction that took it for update. */
  public static void revokeAll(Tx tx, String grantId, Instant now) {
    for (TokenRecord token : tx.tokens().ofGrant(grantId)) {
      if (token.state() == TokenState.LIVE) {
        tx.tokens().save(token.end(TokenState.REVOKED, now));
      }
    }
  }

  /** The token with this value that this provider's auth server issued, in whatever state. */
  public static Optional<TokenRecord> find(Reads reads, SessionAse ase, String value) {
    return reads.tokens().findByValue(value).filter(t -> t.ase().equals(ase.name()));
  }

  /** Every token a grant had, oldest first. */
  public static List<TokenRecord> ofGrant(Reads reads, GrantRecord grant) {
    return reads.tokens().ofGrant(grant.id());
  }

  private Optional<TokenRecord> managed(SessionAse ase, String manageId) {
    return storage.read(
        ase.sessionId(),
        reads -> reads.tokens().findByManageId(manageId).filter(t -> t.ase().equals(ase.name())));
  }

  private static String presentedToken(String authorization) {
    return GnapAuthorization.token(authorization)
        .orElseThrow(
            () ->
                invalidClient(
                    "token management needs the access token: "
                        + GnapAuthorization.problem(authorization)));
  }

  private void authenticate(
      SessionAse ase, TokenRecord token, String presented, HttpMessage message) {
    if (!MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8),
        token.value().getBytes(StandardCharsets.UTF_8))) {
      throw invalidClient(
          "the access token in the Authorization header is not the one managed at "
              + manageUrl(ase, token)
              + "; send the value returned together with this manage URL");
    }
    GrantRecord grant =
        storage.read(ase.sessionId(), reads -> reads.grants().find(token.grantId())).orElseThrow();
    signatures.verify(ase, message, grant.client(), RequestKind.TOKEN_MANAGEMENT);
  }

  private static void requireLive(TokenRecord token) {
    switch (token.state()) {
      case LIVE -> {
        return;
      }
      case ROTATED ->
          throw invalidClient(
              "this access token was rotated at "
                  + token.endedAtIfAny().orElseThrow()
                  + "; it and its manage URL no longer work: use the token and manage URL the"
                  + " rotation returned");
      case REVOKED ->
          throw invalidClient(
              "this access token was revoked at "
                  + token.endedAtIfAny().orElseThrow()
                  + "; request a new grant");
    }
  }

  private void publish(
      Tx tx,
      SessionAse ase,
      EventType type,
      TokenRecord token,
      GrantRecord grant,
      TokenRecord successor) {
    events.publish(
        tx, ase, type, EventData.rendering(() -> eventData(ase, token, grant, successor)));
  }

  private static ObjectNode eventData(
      SessionAse ase, TokenRecord token, GrantRecord grant, TokenRecord successor) {
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("grant", grant.id());
    data.put("client", grant.client().id());
    data.put("token", OpaqueValues.mask(token.value()));
    data.put("manage", manageUrl(ase, token));
    if (successor != null) {
      data.put("newToken", OpaqueValues.mask(successor.value()));
      data.put("newManage", manageUrl(ase, successor));
      data.put("expiresAt", successor.expiresAt().toString());
    }
    return data;
  }

  private static ApiException invalidClient(String description) {
    return new ApiException(401, GnapErrorCode.INVALID_CLIENT.code(), description);
  }
}
