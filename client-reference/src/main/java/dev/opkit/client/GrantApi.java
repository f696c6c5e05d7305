package dev.opkit.client;

import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.ContinueRequest;
import dev.opkit.protocol.model.GrantClient;
import dev.opkit.protocol.model.GrantRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Subject;
import java.util.Objects;

/**
 * GNAP grant calls on an authorization server (auth-server spec: {@code post-request}, {@code
 * post-continue}, {@code delete-continue}; RFC 9635 §2, §5). Every call is signed; the grant
 * request's {@code client} is this client's wallet address.
 */
public final class GrantApi {
  private final Transport transport;
  private final String clientWalletAddress;

  GrantApi(Transport transport, String clientWalletAddress) {
    this.transport = transport;
    this.clientWalletAddress = clientWalletAddress;
  }

  /**
   * {@code POST {authServer}}: asks for access, without interaction.
   *
   * @param authServer the grant endpoint, the wallet address's {@code authServer}
   */
  public GrantResponse request(String authServer, AccessTokenRequest accessToken) {
    return request(authServer, accessToken, null, null);
  }

  /**
   * {@code POST {authServer}}: asks for access that may need the user's interaction.
   *
   * @param interact how the user can interact, or null
   */
  public GrantResponse request(
      String authServer, AccessTokenRequest accessToken, InteractRequest interact) {
    return request(authServer, accessToken, interact, null);
  }

  /**
   * {@code POST {authServer}} with every part of a grant request but {@code client}, which is this
   * client's wallet address.
   *
   * @param accessToken the rights asked for, or null for a subject-only request
   * @param interact how the user can interact, or null
   * @param subject the subject asked about, or null
   */
  public GrantResponse request(
      String authServer,
      AccessTokenRequest accessToken,
      InteractRequest interact,
      Subject subject) {
    GrantRequest body =
        new GrantRequest(
            accessToken, GrantClient.walletAddressString(clientWalletAddress), interact, subject);
    Answer answer = transport.call(Endpoint.POST_REQUEST, authServer, null, body);
    return transport.read(answer, GrantResponse.class);
  }

  /**
   * {@code POST {continue.uri}} with the {@code interact_ref} the finish redirect carried: turns an
   * approved grant into an access token.
   */
  public GrantResponse continueGrant(Continue continuation, String interactRef) {
    Objects.requireNonNull(interactRef, "interactRef");
    return continueGrant(
        continuation.uri(), continuation.accessToken().value(), new ContinueRequest(interactRef));
  }

  /**
   * {@code POST {continue.uri}} without a body: polls a grant whose interaction has no finish
   * redirect.
   */
  public GrantResponse poll(Continue continuation) {
    return continueGrant(continuation.uri(), continuation.accessToken().value(), null);
  }

  /**
   * {@code POST {url}} with {@code Authorization: GNAP <continue token>}.
   *
   * @param request the body, or null to send none (polling)
   */
  public GrantResponse continueGrant(String url, String continueToken, ContinueRequest request) {
    Objects.requireNonNull(continueToken, "continueToken");
    Answer answer = transport.call(Endpoint.POST_CONTINUE, url, continueToken, request);
    return transport.read(answer, GrantResponse.class);
  }

  /** {@code DELETE {continue.uri}}: cancels the grant and revokes its access tokens. */
  public void cancel(Continue continuation) {
    cancel(continuation.uri(), continuation.accessToken().value());
  }

  /** {@code DELETE {url}} with {@code Authorization: GNAP <continue token>}. */
  public void cancel(String url, String continueToken) {
    Objects.requireNonNull(continueToken, "continueToken");
    transport.expectNoContent(transport.call(Endpoint.DELETE_CONTINUE, url, continueToken, null));
  }
}
