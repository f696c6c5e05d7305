package dev.opkit.mock.auth.continuation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.grant.GrantRevocation;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RequestSchemas;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.GrantState;
import dev.opkit.mock.store.Interaction;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.openapi.Spec;
import dev.opkit.protocol.signature.HttpMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Grant continuation (auth-server {@code post-continue} and {@code delete-continue}; RFC 9635 §5;
 * PROTOCOL.md §4.3): with the {@code interact_ref} after the user accepted, or by polling when the
 * client gave no finish URI; {@code too_fast} inside the {@code wait}; DELETE revokes the grant and
 * every token it issued.
 */
public final class ContinuationService {
  private final Transactions storage;
  private final TokenService tokens;
  private final ClientSignatures signatures;
  private final GrantRevocation revocation;
  private final RequestSchemas schemas;
  private final OpaqueValues values;
  private final Misbehaviours misbehaviours;

  public ContinuationService(
      Transactions storage,
      TokenService tokens,
      ClientSignatures signatures,
      GrantRevocation revocation,
      RequestSchemas schemas,
      OpaqueValues values,
      Misbehaviours misbehaviours) {
    this.values = values;
    this.misbehaviours = misbehaviours;
    this.storage = storage;
    this.tokens = tokens;
    this.signatures = signatures;
    this.revocation = revocation;
    this.schemas = schemas;
  }

  /**
   * {@code post-continue}. One transaction: a continuation past the {@code wait} is recorded (for
   * the next {@code wait}) even when it is then refused, so the refusal is returned from the work
   * rather than thrown in it.
   *
   * @throws ApiException 400 {@code too_fast}; 401 {@code invalid_client}, {@code
   *     invalid_continuation}, {@code request_denied}, or the profile's code for a body without
   *     {@code interact_ref}; 404 {@code invalid_continuation} for an {@code interact_ref} that is
   *     not the grant's, and for any on a rejected grant
   */
  public GrantResponse continueGrant(
      SessionAse ase,
      String continueId,
      String authorization,
      HttpMessage message,
      Optional<JsonNode> body) {
    GrantRecord seen = authenticate(ase, continueId, authorization, message);
    Optional<String> interactRef = interactRef(ase, body);
    Continued continued =
        storage.write(
            ase.sessionId(),
            tx -> {
              GrantRecord grant = tx.grants().forUpdate(seen.id()).orElseThrow();
              Instant now = ase.session().now(tx);
              if (grant.state() == GrantState.REVOKED) {
                return Continued.refused(revoked(grant));
              }
              if (grant.state() == GrantState.REJECTED && interactRef.isPresent()) {
                // A rejected grant is finalized (RFC 9635 §1.5) and was given no interact_ref, so
                // no reference continues it: invalid_continuation (§5), before the wait, as Rafiki
                // answers.
                return Continued.refused(
                    new ApiException(
                        404,
                        GnapErrorCode.INVALID_CONTINUATION.code(),
                        "this grant cannot be continued: the user rejected it at "
                            + grant.changedAt()
                            + "; request a new grant"));
              }
              Optional<ApiException> tooFast = tooFast(grant, now);
              if (tooFast.isPresent()) {
                return Continued.refused(tooFast.get());
              }
              grant = grant.continued(now);
              tx.grants().save(grant);
              return decide(tx, ase, grant, interactRef, now);
            });
    if (continued.refusal() != null) {
      throw continued.refusal();
    }
    return continued.response();
  }

  /** What a continuation past the {@code wait} comes to, once it is recorded. */
  private Continued decide(
      Tx tx, SessionAse ase, GrantRecord grant, Optional<String> interactRef, Instant now) {
    switch (grant.state()) {
      case REJECTED -> {
        return Continued.refused(denied("the user rejected this grant at " + grant.changedAt()));
      }
      case FINALIZED -> {
        return Continued.refused(
            denied(
                "this grant was finalized at "
                    + grant.changedAt()
                    + " and its access token issued; continuing again issues nothing (rotate the"
                    + " token at its manage URL instead)"));
      }
      default -> {
        // PENDING or APPROVED: decided below
      }
    }
    Interaction interaction = grant.interactionIfAny().orElseThrow();
    if (interactRef.isPresent()) {
      return withReference(tx, ase, grant, interaction, interactRef.get(), now);
    }
    if (interaction.finish() != null) {
      return Continued.refused(
          denied(
              "this grant has interact.finish, so it is continued with the interact_ref from the"
                  + " finish redirect, not by polling: send {\"interact_ref\": \"…\"}"));
    }
    if (grant.state() == GrantState.PENDING) {
      return expired(interaction, now)
          .map(Continued::refused)
          .orElseGet(
              () ->
                  Continued.answered(
                      new GrantResponse(
                          null, null, pending(ase, rotateToken(tx, ase, grant)), null)));
    }
    return Continued.answered(finalizeGrant(tx, ase, grant, now));
  }

  /**
   * {@code delete-continue}: revokes the grant and all its tokens.
   *
   * @throws ApiException 401 {@code invalid_client} or {@code invalid_continuation}
   */
  public void cancel(SessionAse ase, String continueId, String authorization, HttpMessage message) {
    GrantRecord grant = authenticate(ase, continueId, authorization, message);
    GrantRevocation.Revoked outcome = revocation.revoke(ase, grant.id()).orElseThrow();
    if (!outcome.revoked()) {
      throw revoked(outcome.grant());
    }
  }

  private GrantRecord authenticate(
      SessionAse ase, String continueId, String authorization, HttpMessage message) {
    String presented =
        GnapAuthorization.token(authorization)
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        GnapErrorCode.INVALID_CLIENT.code(),
                        "continuation needs the continuation token: "
                            + GnapAuthorization.problem(authorization)));
    GrantRecord grant =
        storage
            .read(ase.sessionId(), reads -> reads.grants().findByContinueId(continueId))
            .filter(g -> g.ase().equals(ase.name()))
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
  private Optional<String> interactRef(SessionAse ase, Optional<JsonNode> body) {
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

  private static Optional<ApiException> tooFast(GrantRecord grant, Instant now) {
    Optional<Duration> wait = grant.waitTimeIfAny();
    if (wait.isEmpty()) {
      return Optional.empty();
    }
    Instant allowed = grant.lastContinuedAt().plus(wait.get());
    if (!now.isBefore(allowed)) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            400,
            GnapErrorCode.TOO_FAST.code(),
            "continued too fast: wait "
                + wait.get().toSeconds()
                + " s (continue.wait) after the grant response or the previous continuation;"
                + " the next one is allowed at "
                + allowed
                + " (sandbox clock now "
                + now
                + ")"));
  }

  private Continued withReference(
      Tx tx, SessionAse ase, GrantRecord grant, Interaction interaction, String ref, Instant now) {
    if (grant.state() == GrantState.PENDING) {
      return Continued.refused(
          expired(interaction, now)
              .orElseGet(
                  () ->
                      new ApiException(
                          404,
                          GnapErrorCode.INVALID_CONTINUATION.code(),
                          "interact_ref "
                              + ref
                              + " is not this grant's: the user has not finished the interaction"
                              + " yet")));
    }
    String expected = grant.interactRefIfAny().orElseThrow();
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), ref.getBytes(StandardCharsets.UTF_8))) {
      return Continued.refused(
          new ApiException(
              404,
              GnapErrorCode.INVALID_CONTINUATION.code(),
              "interact_ref "
                  + ref
                  + " is not this grant's; send the interact_ref of the finish redirect"));
    }
    return Continued.answered(finalizeGrant(tx, ase, grant, now));
  }

  private GrantResponse finalizeGrant(Tx tx, SessionAse ase, GrantRecord grant, Instant now) {
    GrantRecord finalized = rotateToken(tx, ase, grant.finalizeGrant(now));
    tx.grants().save(finalized);
    TokenRecord token = finalized.hasAccess() ? tokens.issue(tx, ase, finalized, now) : null;
    return new GrantResponse(
        null,
        token == null ? null : TokenService.view(ase, token, finalized, now),
        Continue.of(finalized.continueToken(), GrantService.continueUri(ase, finalized), null),
        finalized.subjectIfAny().orElse(null));
  }

  /**
   * The grant with a new continuation token when a {@code continuation-token-rotated} fires on this
   * answer (saved; the old token is then unknown), else as it is.
   */
  private GrantRecord rotateToken(Tx tx, SessionAse ase, GrantRecord grant) {
    boolean rotates =
        misbehaviours
            .onGrant(
                tx,
                ase,
                MisbehaviourKind.CONTINUATION_TOKEN_ROTATED,
                grant.id(),
                grant.continueId(),
                grant.walletAddresses(),
                List.of(ClientExchange.tag(grant.continueToken())))
            .isPresent();
    if (!rotates) {
      return grant;
    }
    GrantRecord rotated = grant.withContinueToken(values.token());
    tx.grants().save(rotated);
    return rotated;
  }

  private static Continue pending(SessionAse ase, GrantRecord grant) {
    return Continue.of(
        grant.continueToken(),
        GrantService.continueUri(ase, grant),
        (int) grant.waitTimeIfAny().orElseThrow().toSeconds());
  }

  private static Optional<ApiException> expired(Interaction interaction, Instant now) {
    if (!interaction.expiredAt(now)) {
      return Optional.empty();
    }
    return Optional.of(
        denied(
            "the interaction expired at "
                + interaction.expiresAt()
                + " before the user decided; request a new grant"));
  }

  /**
   * A continuation's end: the answer, or the refusal to throw once the transaction committed.
   *
   * @param response the answer, or null when refused
   * @param refusal the refusal, or null when answered
   */
  private record Continued(GrantResponse response, ApiException refusal) {
    static Continued answered(GrantResponse response) {
      return new Continued(response, null);
    }

    static Continued refused(ApiException refusal) {
      return new Continued(null, refusal);
    }
  }

  private static ApiException revoked(GrantRecord grant) {
    return new ApiException(
        401,
        GnapErrorCode.INVALID_CONTINUATION.code(),
        "this grant was revoked at " + grant.changedAt() + "; request a new one");
  }

  private static ApiException denied(String description) {
    return new ApiException(401, GnapErrorCode.REQUEST_DENIED.code(), description);
  }
}
