package dev.opkit.mock.auth.access;

import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.resource.access.AccessRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.Transactions;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.model.AccessItem;
import java.time.Instant;
import java.util.List;

/**
 * The resource server's access decision, answered by the sandbox's auth server (PROTOCOL.md §5 and
 * §7, in Rafiki's order): a token of this provider's auth server, live by the sandbox clock, whose
 * grant has an access item covering the type, the action and the wallet address; then the request's
 * signature by the grant's client. Tokens are looked up in the session the request's URL names
 * only. Token-step refusals carry {@code WWW-Authenticate: GNAP as_uri=…}; an inactive token is
 * refused with the profile's status.
 */
public final class GnapResourceAccess implements ResourceAccess {
  /** The error name for a token that is unknown, expired, revoked or rotated away. */
  public static final String INVALID_TOKEN = "invalid_token";

  /** The error name for a live token whose grant does not cover the request. */
  public static final String INSUFFICIENT_ACCESS = "insufficient_access";

  /** The error name for a request without a usable Authorization header. */
  public static final String UNAUTHORIZED = "unauthorized";

  private final Transactions storage;
  private final ClientSignatures signatures;

  public GnapResourceAccess(Transactions storage, ClientSignatures signatures) {
    this.storage = storage;
    this.signatures = signatures;
  }

  @Override
  public Grantee authorize(AccessRequest request) {
    SessionAse ase = request.ase();
    String value =
        GnapAuthorization.token(request.authorization())
            .orElseThrow(
                () ->
                    tokenStep(
                        request,
                        401,
                        UNAUTHORIZED,
                        "this request needs an access token of "
                            + request.authServer()
                            + ": "
                            + GnapAuthorization.problem(request.authorization())));
    Introspected found =
        storage.read(
            ase.sessionId(),
            reads ->
                TokenService.find(reads, ase, value)
                    .map(
                        token ->
                            new Introspected(
                                token, reads.grants().find(token.grantId()).orElseThrow()))
                    .orElse(null));
    live(request, ase, found);
    AccessItem item = matching(request, found.grant());
    String keyId =
        signatures.verify(
            ase, request.message(), found.grant().client(), RequestKind.RESOURCE_SERVER);
    boolean all =
        item.actions().stream()
            .anyMatch(a -> a.coversAllClients() && a.satisfies(request.action()));
    return new Grantee(found.grant().id(), found.grant().client().id(), item, all, keyId);
  }

  /** A token and its grant, as committed. */
  private record Introspected(TokenRecord token, GrantRecord grant) {}

  private static void live(AccessRequest request, SessionAse ase, Introspected found) {
    int status = ase.profile().inactiveTokenStatus();
    if (found == null) {
      throw tokenStep(
          request,
          status,
          INVALID_TOKEN,
          "the access token is not one " + request.authServer() + " issued; request a grant there");
    }
    TokenRecord token = found.token();
    Instant now = ase.session().now();
    String why =
        switch (token.state()) {
          case ROTATED ->
              "the access token was rotated at "
                  + token.endedAtIfAny().orElseThrow()
                  + "; use the token the rotation returned";
          case REVOKED ->
              "the access token was revoked at "
                  + token.endedAtIfAny().orElseThrow()
                  + "; request a new grant";
          case LIVE ->
              token.expiredAt(now)
                  ? "the access token expired at "
                      + token.expiresAt()
                      + " (sandbox clock now "
                      + now
                      + "); rotate it at its manage URL"
                  : null;
        };
    if (why != null) {
      throw tokenStep(request, status, INVALID_TOKEN, why);
    }
  }

  private static AccessItem matching(AccessRequest request, GrantRecord grant) {
    List<AccessItem> access = grant.access();
    for (AccessItem item : access) {
      if (item.type() != request.type() || !item.permits(request.action())) {
        continue;
      }
      if (item.identifier() != null
          && request.walletAddress() != null
          && !item.identifier().equals(request.walletAddress())) {
        continue;
      }
      return item;
    }
    throw tokenStep(
        request,
        403,
        INSUFFICIENT_ACCESS,
        "the token's grant does not allow "
            + request.action()
            + " on "
            + request.type()
            + (request.walletAddress() == null ? "" : " for " + request.walletAddress())
            + "; it allows "
            + describe(access));
  }

  private static String describe(List<AccessItem> access) {
    if (access.isEmpty()) {
      return "nothing";
    }
    return String.join(
        "; ",
        access.stream()
            .map(
                a ->
                    a.type()
                        + " "
                        + a.actions().stream().map(AccessAction::wireName).toList()
                        + (a.identifier() == null ? "" : " for " + a.identifier()))
            .toList());
  }

  private static ApiException tokenStep(
      AccessRequest request, int status, String code, String description) {
    return new ApiException(status, code, description)
        .withHeader("WWW-Authenticate", "GNAP as_uri=" + request.authServer());
  }
}
