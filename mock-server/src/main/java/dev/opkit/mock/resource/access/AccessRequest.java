package dev.opkit.mock.resource.access;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.signature.HttpMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource-server request that needs access: the message as signed (method, the target URI
 * rebuilt from the provider's public URL, headers, body bytes), its {@code Authorization} header,
 * and the right it needs.
 *
 * @param ase the provider serving the request, in the session its URL names: tokens its auth server
 *     issued in that session are the only valid ones
 * @param message the request as the client signed it
 * @param authorization the {@code Authorization} header, or null when absent
 * @param type the access type needed
 * @param action the action needed
 * @param walletAddress the wallet address the request acts on, or null when the operation names
 *     none ({@code GET /outgoing-payment-grant})
 */
public record AccessRequest(
    SessionAse ase,
    HttpMessage message,
    String authorization,
    AccessType type,
    AccessAction action,
    String walletAddress) {

  public AccessRequest {
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
  }

  /** The grant endpoint of the provider serving the request, as its wallets advertise it. */
  public String authServer() {
    return ase.authServerUrl();
  }

  public Optional<String> authorizationHeader() {
    return Optional.ofNullable(authorization);
  }

  public Optional<String> wallet() {
    return Optional.ofNullable(walletAddress);
  }
}
