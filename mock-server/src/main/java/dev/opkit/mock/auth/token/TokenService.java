package dev.opkit.mock.auth.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.grant.Grant;
import dev.opkit.mock.auth.grant.GrantState;
import dev.opkit.mock.events.EventType;
import dev.opkit.mock.events.Events;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.signature.HttpMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens (auth-server tag {@code token}; RFC 9635 §6; PROTOCOL.md §4.4): issuing, rotation
 * (the old value and manage URL die at once, exactly one successor even under concurrent
 * rotations), revocation, and the lookup the resource server's introspection uses. Lifetimes follow
 * the provider's behaviour profile and the sandbox clock.
 */
public final class TokenService {
  private final TokenStore store;
  private final OpaqueValues values;
  private final ClientSignatures signatures;
  private final Events events;
  private final Clock clock;

  public TokenService(
      TokenStore store,
      OpaqueValues values,
      ClientSignatures signatures,
      Events events,
      Clock clock) {
    this.store = store;
    this.values = values;
    this.signatures = signatures;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Issues a live token for a grant being finalized.
   *
   * @throws IllegalStateException when the grant was revoked meanwhile
   */
  public AccessTokenRecord issue(Grant grant) {
    synchronized (grant) {
      if (grant.state() == GrantState.REVOKED) {
        throw new IllegalStateException(grant + " was revoked; it gets no token");
      }
      return newToken(grant, clock.instant());
    }
  }

  /** The token as the auth server answers with it (schema {@code access_token}). */
  public AccessToken view(AccessTokenRecord token) {
    // Rounded up, so a token issued just now reports its whole lifetime.
    long millis = Duration.between(clock.instant(), token.expiresAt()).toMillis();
    long seconds = Math.floorDiv(millis + 999, 1000);
    return new AccessToken(
        token.value(),
        token.manageUrl(),
        (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds)),
        token.grant().access());
  }

  /**
   * {@code post-token}: rotates the token managed at {@code manageId}.
   *
   * @throws ApiException 401 {@code invalid_client} for a missing or wrong token or a bad
   *     signature, or a token rotated away or revoked; 404 {@code invalid_rotation} for an unknown
   *     manage URL; 400 {@code invalid_rotation} for an expired token in a profile that does not
   *     rotate those
   */
  public AccessTokenRecord rotate(
      Ase ase, String manageId, String authorization, HttpMessage message) {
    String presented = presentedToken(authorization);
    AccessTokenRecord token =
        store
            .findByManageId(manageId)
            .filter(t -> t.grant().ase() == ase)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        GnapErrorCode.INVALID_ROTATION.code(),
                        "no access token is managed at "
                            + ase.authServerUrl()
                            + "/token/"
                            + manageId));
    authenticate(ase, token, presented, message);
    Grant grant = token.grant();
    AccessTokenRecord rotated;
    Instant now = clock.instant();
    synchronized (grant) {
      requireLive(token);
      if (token.expiredAt(now) && !ase.profile().rotateExpiredTokens()) {
        throw new ApiException(
            400,
            GnapErrorCode.INVALID_ROTATION.code(),
            "this access token expired at "
                + token.expiresAt()
                + " (sandbox clock: "
                + now
                + "); the "
                + ase.profile().name()
                + " profile does not rotate expired tokens: request a new grant");
      }
      token.end(TokenState.ROTATED, now);
      rotated = newToken(grant, now);
    }
    publish(EventType.TOKEN_ROTATED, token, rotated);
    return rotated;
  }

  /**
   * {@code delete-token}: revokes the token managed at {@code manageId}.
   *
   * @throws ApiException 401 {@code invalid_client} for an unknown manage URL, a missing or wrong
   *     token, a bad signature, or a token that ended already
   */
  public void revoke(Ase ase, String manageId, String authorization, HttpMessage message) {
    String presented = presentedToken(authorization);
    AccessTokenRecord token =
        store
            .findByManageId(manageId)
            .filter(t -> t.grant().ase() == ase)
            .orElseThrow(
                () ->
                    invalidClient(
                        "no access token is managed at "
                            + ase.authServerUrl()
                            + "/token/"
                            + manageId));
    authenticate(ase, token, presented, message);
    synchronized (token.grant()) {
      requireLive(token);
      token.end(TokenState.REVOKED, clock.instant());
    }
    publish(EventType.TOKEN_REVOKED, token, null);
  }

  /** Revokes every live token of a grant; call while holding the grant's monitor. */
  public void revokeAll(Grant grant, Instant now) {
    for (AccessTokenRecord token : store.ofGrant(grant.id())) {
      token.end(TokenState.REVOKED, now);
    }
  }

  /** The token with this value, in whatever state. */
  public Optional<AccessTokenRecord> find(String value) {
    return store.findByValue(value);
  }

  /** Every token a grant had, oldest first. */
  public List<AccessTokenRecord> ofGrant(Grant grant) {
    return store.ofGrant(grant.id());
  }

  public void clear() {
    store.clear();
  }

  private AccessTokenRecord newToken(Grant grant, Instant now) {
    AccessTokenRecord token =
        new AccessTokenRecord(
            values.token(),
            UUID.randomUUID().toString(),
            grant,
            now,
            now.plus(grant.ase().profile().tokenLifetime()));
    store.add(token);
    return token;
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
      Ase ase, AccessTokenRecord token, String presented, HttpMessage message) {
    if (!MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8),
        token.value().getBytes(StandardCharsets.UTF_8))) {
      throw invalidClient(
          "the access token in the Authorization header is not the one managed at "
              + token.manageUrl()
              + "; send the value returned together with this manage URL");
    }
    signatures.verify(ase, message, token.grant().client(), RequestKind.TOKEN_MANAGEMENT);
  }

  private static void requireLive(AccessTokenRecord token) {
    switch (token.state()) {
      case LIVE -> {
        return;
      }
      case ROTATED ->
          throw invalidClient(
              "this access token was rotated at "
                  + token.endedAt().orElseThrow()
                  + "; it and its manage URL no longer work: use the token and manage URL the"
                  + " rotation returned");
      case REVOKED ->
          throw invalidClient(
              "this access token was revoked at "
                  + token.endedAt().orElseThrow()
                  + "; request a new grant");
    }
  }

  private void publish(EventType type, AccessTokenRecord token, AccessTokenRecord successor) {
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("grant", token.grant().id());
    data.put("client", token.grant().client().id());
    data.put("token", OpaqueValues.mask(token.value()));
    data.put("manage", token.manageUrl());
    if (successor != null) {
      data.put("newToken", OpaqueValues.mask(successor.value()));
      data.put("newManage", successor.manageUrl());
      data.put("expiresAt", successor.expiresAt().toString());
    }
    events.publish(token.grant().ase().name(), type, data);
  }

  private static ApiException invalidClient(String description) {
    return new ApiException(401, GnapErrorCode.INVALID_CLIENT.code(), description);
  }
}
