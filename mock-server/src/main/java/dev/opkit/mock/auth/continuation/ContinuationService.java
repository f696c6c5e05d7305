package dev.opkit.mock.auth.continuation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.grant.Grant;
import dev.opkit.mock.auth.grant.GrantRevocation;
import dev.opkit.mock.auth.grant.GrantState;
import dev.opkit.mock.auth.grant.GrantStore;
import dev.opkit.mock.auth.grant.Interaction;
import dev.opkit.mock.auth.token.AccessTokenRecord;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.openapi.Spec;
import dev.opkit.protocol.signature.HttpMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Grant continuation (auth-server {@code post-continue} and {@code delete-continue}; RFC 9635 §5;
 * PROTOCOL.md §4.3): with the {@code interact_ref} after the user accepted, or by polling when the
 * client gave no finish URI; {@code too_fast} inside the {@code wait}; DELETE revokes the grant and
 * every token it issued.
 */
public final class ContinuationService {
  private final GrantStore grants;
  private final TokenService tokens;
  private final ClientSignatures signatures;
  private final GrantRevocation revocation;
  private final RequestSchemas schemas;
  private final Clock clock;

  public ContinuationService(
      GrantStore grants,
      TokenService tokens,
      ClientSignatures signatures,
      GrantRevocation revocation,
      RequestSchemas schemas,
      Clock clock) {
    this.grants = grants;
    this.tokens = tokens;
    this.signatures = signatures;
    this.revocation = revocation;
    this.schemas = schemas;
    this.clock = clock;
  }

  /**
   * {@code post-continue}.
   *
   * @throws ApiException 400 {@code too_fast}; 401 {@code invalid_client}, {@code
   *     invalid_continuation}, {@code request_denied}, or the profile's code for a body without
   *     {@code interact_ref}; 404 {@code invalid_continuation} for an {@code interact_ref} that is
   *     not the grant's, and for any on a rejected grant
   */
  public GrantResponse continueGrant(
      Ase ase,
      String continueId,
      String authorization,
      HttpMessage message,
      Optional<JsonNode> body) {
    Grant grant = authenticate(ase, continueId, authorization, message);
    Optional<String> interactRef = interactRef(ase, body);
    Instant now = clock.instant();
    synchronized (grant) {
      if (grant.state() == GrantState.REVOKED) {
        throw revoked(grant);
      }
      if (grant.state() == GrantState.REJECTED && interactRef.isPresent()) {
        // A rejected grant is finalized (RFC 9635 §1.5) and was given no interact_ref, so no
        // reference continues it: invalid_continuation (§5), before the wait, as Rafiki answers.
        throw new ApiException(
            404,
            GnapErrorCode.INVALID_CONTINUATION.code(),
            "this grant cannot be continued: the user rejected it at "
                + grant.changedAt()
                + "; request a new grant");
      }
      checkWait(grant, now);
      grant.continued(now);
      switch (grant.state()) {
        case REJECTED -> throw denied("the user rejected this grant at " + grant.changedAt());
        case FINALIZED ->
            throw denied(
                "this grant was finalized at "
                    + grant.changedAt()
                    + " and its access token issued; continuing again issues nothing (rotate the"
                    + " token at its manage URL instead)");
        default -> {
          // PENDING or APPROVED: decided below
        }
      }
      Interaction interaction = grant.interaction().orElseThrow();
      if (interactRef.isPresent()) {
        return withReference(grant, interaction, interactRef.get(), now);
      }
      if (interaction.finish() != null) {
        throw denied(
            "this grant has interact.finish, so it is continued with the interact_ref from the"
                + " finish redirect, not by polling: send {\"interact_ref\": \"…\"}");
      }
      if (grant.state() == GrantState.PENDING) {
        requireNotExpired(interaction, now);
        return new GrantResponse(null, null, pending(grant), null);
      }
      return finalizeGrant(grant, now);
    }
  }

  /**
   * {@code delete-continue}: revokes the grant and all its tokens.
   *
   * @throws ApiException 401 {@code invalid_client} or {@code invalid_continuation}
   */
  public void cancel(Ase ase, String continueId, String authorization, HttpMessage message) {
    Grant grant = authenticate(ase, continueId, authorization, message);
    if (!revocation.revoke(grant)) {
      throw revoked(grant);
    }
  }

  private Grant authenticate(
      Ase ase, String continueId, String authorization, HttpMessage message) {
    String presented =
        GnapAuthorization.token(authorization)
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        GnapErrorCode.INVALID_CLIENT.code(),
                        "continuation needs the continuation token: "
                            + GnapAuthorization.problem(authorization)));
    Grant grant =
        grants
            .findByContinueId(continueId)
            .filter(g -> g.ase() == ase)
            .filter(
                g ->
                    MessageDigest.isEqual(
                        g.continueToken().getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8)))
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        GnapErrorCode.INVALID_CONTINUATION.code(),
                        "no grant continues at "
                            + ase.authServerUrl()
                            + "/continue/"
                            + continueId
                            + " with this continuation token; use continue.uri and"
                            + " continue.access_token.value from the grant response"));
    signatures.verify(ase, message, grant.client(), RequestKind.CONTINUATION);
    return grant;
  }

  /**
   * The {@code interact_ref} of the body; empty for polling, which has no body or an empty object.
   *
   * @throws ApiException 401 with the profile's code for a body that is neither (RFC 9635 §5.1
   *     needs the reference, §5.2 polls without content)
   */
  private Optional<String> interactRef(Ase ase, Optional<JsonNode> body) {
    if (body.isEmpty()) {
      return Optional.empty();
    }
    JsonNode json = body.get();
    schemas.validate(Spec.AUTH_SERVER, "post-continue", json);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    JsonNode ref = json.get("interact_ref");
    if (ref == null || ref.isNull() || ref.asText().isEmpty()) {
      throw new ApiException(
          401,
          ase.profile().missingInteractRefCode().code(),
          "missing interaction reference: a continuation body carries the interact_ref of the"
              + " finish redirect, {\"interact_ref\": \"…\"}; to poll, send no body (or {})");
    }
    return Optional.of(ref.asText());
  }

  private static void checkWait(Grant grant, Instant now) {
    Optional<Duration> wait = grant.waitTime();
    if (wait.isEmpty()) {
      return;
    }
    Instant allowed = grant.lastContinuedAt().plus(wait.get());
    if (now.isBefore(allowed)) {
      throw new ApiException(
          400,
          GnapErrorCode.TOO_FAST.code(),
          "continued too fast: wait "
              + wait.get().toSeconds()
              + " s (continue.wait) after the grant response or the previous continuation;"
              + " the next one is allowed at "
              + allowed
              + " (sandbox clock now "
              + now
              + ")");
    }
  }

  private GrantResponse withReference(
      Grant grant, Interaction interaction, String ref, Instant now) {
    if (grant.state() == GrantState.PENDING) {
      requireNotExpired(interaction, now);
      throw new ApiException(
          404,
          GnapErrorCode.INVALID_CONTINUATION.code(),
          "interact_ref "
              + ref
              + " is not this grant's: the user has not finished the interaction yet");
    }
    String expected = grant.interactRef().orElseThrow();
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), ref.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(
          404,
          GnapErrorCode.INVALID_CONTINUATION.code(),
          "interact_ref "
              + ref
              + " is not this grant's; send the interact_ref of the finish redirect");
    }
    return finalizeGrant(grant, now);
  }

  private GrantResponse finalizeGrant(Grant grant, Instant now) {
    grant.finalizeGrant(now);
    AccessTokenRecord token = grant.hasAccess() ? tokens.issue(grant) : null;
    return new GrantResponse(
        null,
        token == null ? null : tokens.view(token),
        Continue.of(grant.continueToken(), grant.continueUri(), null),
        grant.subject().orElse(null));
  }

  private static Continue pending(Grant grant) {
    return Continue.of(
        grant.continueToken(),
        grant.continueUri(),
        (int) grant.waitTime().orElseThrow().toSeconds());
  }

  private static void requireNotExpired(Interaction interaction, Instant now) {
    if (interaction.expiredAt(now)) {
      throw denied(
          "the interaction expired at "
              + interaction.expiresAt()
              + " before the user decided; request a new grant");
    }
  }

  private static ApiException revoked(Grant grant) {
    return new ApiException(
        401,
        GnapErrorCode.INVALID_CONTINUATION.code(),
        "this grant was revoked at " + grant.changedAt() + "; request a new one");
  }

  private static ApiException denied(String description) {
    return new ApiException(401, GnapErrorCode.REQUEST_DENIED.code(), description);
  }
}
