package dev.opkit.mock.resource;

import dev.opkit.mock.resource.access.AccessRequest;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.signature.HttpMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to a provider's resource server as the services see it: which provider serves it in
 * which session, the signed message and its {@code Authorization} header.
 *
 * @param ase the provider whose origin received the request, in the session the URL names
 * @param message the request as signed
 * @param authorization the {@code Authorization} header, or null
 */
public record ResourceRequest(SessionAse ase, HttpMessage message, String authorization) {
  public ResourceRequest {
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Whether the client presented a token at all (the incoming payment's public view needs none).
   */
  public boolean hasAuthorization() {
    return authorization != null;
  }

  public Optional<String> authorizationHeader() {
    return Optional.ofNullable(authorization);
  }

  /** The question for the auth server: may this request do {@code action} on {@code type}? */
  public AccessRequest access(AccessType type, AccessAction action, String walletAddress) {
    return new AccessRequest(ase, message, authorization, type, action, walletAddress);
  }
}
