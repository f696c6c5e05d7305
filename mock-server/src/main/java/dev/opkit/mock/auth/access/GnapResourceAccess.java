package dev.opkit.mock.auth.access;

import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.client.ClientSignatures;
import dev.opkit.mock.auth.client.RequestKind;
import dev.opkit.mock.auth.token.AccessTokenRecord;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.resource.access.AccessRequest;
import dev.opkit.mock.resource.access.Grantee;
import dev.opkit.mock.resource.access.ResourceAccess;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.model.AccessItem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resource server's access decision, answered by the sandbox's auth server (PROTOCOL.md §5 and
 * §7, in Rafiki's order): a token of this provider's auth server, live by the sandbox clock, whose
 * grant has an access item covering the type, the action and the wallet address; then the request's
 * signature by the grant's client. Token-step refusals carry {@code WWW-Authenticate: GNAP
 * as_uri=…}; an inactive token is refused with the profile's status.
 */
public final class GnapResourceAccess implements ResourceAccess {
  /** The error name for a token that is unknown, expired, revoked or rotated away. */
  public static final String INVALID_TOKEN = "invalid_token";

  /** The error name for a live token whose grant does not cover the request. */
  public static final String INSUFFICIENT_ACCESS = "insufficient_access";

  /** The error name for a request without a usable Authorization header. */
  public static final String UNAUTHORIZED = "unauthorized";

  private final TokenService tokens;
  private final ClientSignatures signatures;
  private final Function<String, Optional<Ase>> aseByAuthServer;
  private final Clock clock;

  /**
   * @param aseByAuthServer finds the provider whose grant endpoint is the given URL
   */
  public GnapResourceAccess(
      TokenService tokens,
      ClientSignatures signatures,
      Function<String, Optional<Ase>> aseByAuthServer,
      Clock clock) {
    this.tokens = tokens;
    this.signatures = signatures;
    this.aseByAuthServer = aseByAuthServer;
    this.clock = clock;
  }

  @Override
  public Grantee authorize(AccessRequest request) {
    Ase ase =
        aseByAuthServer
            .apply(request.authServer())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no provider of this sandbox has the auth server " + request.authServer()));
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
    AccessTokenRecord token = live(request, ase, value);
    AccessItem item = matching(request, token);
    signatures.verify(ase, request.message(), token.grant().client(), RequestKind.RESOURCE_SERVER);
    boolean all =
        item.actions().stream()
            .anyMatch(a -> a.coversAllClients() && a.satisfies(request.action()));
    return new Grantee(token.grant().id(), token.grant().client().id(), item, all);
  }

  private AccessTokenRecord live(AccessRequest request, Ase ase, String value) {
    int status = ase.profile().inactiveTokenStatus();
    AccessTokenRecord token =
        tokens
            .find(value)
            .filter(t -> t.grant().ase() == ase)
            .orElseThrow(
                () ->
                    tokenStep(
                        request,
                        status,
                        INVALID_TOKEN,
                        "the access token is not one "
                            + request.authServer()
                            + " issued; request a grant there"));
    Instant now = clock.instant();
    String why =
        switch (token.state()) {
          case ROTATED ->
              "the access token was rotated at "
                  + token.endedAt().orElseThrow()
                  + "; use the token the rotation returned";
          case REVOKED ->
              "the access token was revoked at "
                  + token.endedAt().orElseThrow()
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
    return token;
  }

  private static AccessItem matching(AccessRequest request, AccessTokenRecord token) {
    List<AccessItem> access = token.grant().access();
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
