package dev.opkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.signature.RequestSigner;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys a client signs with: its current one and, when its operator registered it, the next one.
 * It switches once, and only when the client's own JWKS shows the current key rotated out and the
 * next one listed: never back, never in a loop.
 */
final class SigningKeys {
  private final String jwksUrl;
  private final String currentKeyId;
  private RequestSigner current;
  private RequestSigner next;

  SigningKeys(ClientIdentity identity, Clock clock) {
    this.jwksUrl = identity.walletAddress() + "/jwks.json";
    this.currentKeyId = identity.keyId();
    this.current = new RequestSigner(identity.keyPair(), identity.keyId(), clock);
    this.next =
        identity.nextKeyPair() == null
            ? null
            : new RequestSigner(identity.nextKeyPair(), identity.nextKeyId(), clock);
  }

  synchronized RequestSigner current() {
    return current;
  }

  /** Whether a refused request could be about a rotated-out key: a next key is still unused. */
  synchronized boolean mayRotate() {
    return next != null;
  }

  /** Where the client's own JWKS is. */
  String jwksUrl() {
    return jwksUrl;
  }

  /**
   * Switches to the next key when {@code jwks} (the client's own JWKS document) lists it and no
   * longer lists the current one.
   *
   * @return whether it switched
   */
  synchronized boolean rotateIfRotatedOut(String jwks) {
    if (next == null) {
      return false;
    }
    Set<String> kids = new HashSet<>();
    JsonNode keys = Json.read(jwks, JsonNode.class).path("keys");
    keys.forEach(k -> kids.add(k.path("kid").asText()));
    if (kids.contains(currentKeyId) || !kids.contains(next.keyId())) {
      return false;
    }
    current = next;
    next = null;
    return true;
  }
}
