package dev.opkit.conformance.steps;

import dev.opkit.client.ClientIdentity;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignedHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests signed by hand with the protocol module's signer (RFC 9421 as the SDKs profile it) and
 * sent raw, so a scenario can send what the reference client never would: bodies it refuses to
 * build, broken signatures, old signatures. The answer becomes the scenario's answer.
 */
public final class HandSignedRequests {
  private final ScenarioContext context;

  public HandSignedRequests(ScenarioContext context) {
    this.context = context;
  }

  /** A signer with the scenario client's key, dating signatures by {@code clock}. */
  RequestSigner clientSigner(Clock clock) {
    ClientIdentity identity = context.client().identity();
    return new RequestSigner(identity.keyPair(), identity.keyId(), clock);
  }

  /** Signs a request with a body; the header fields to add, and the signature base. */
  static SignedHeaders sign(
      RequestSigner signer, String method, String url, Map<String, String> headers, String body) {
    return signer.sign(
        method, url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends exactly these header fields and body as the scenario's action. */
  void send(
      String operationId,
      String method,
      String url,
      Map<String, String> headers,
      String body,
      String signatureBase) {
    context.actRaw(
        () -> context.raw().send(operationId, method, url, headers, body, signatureBase));
  }

  /**
   * Signs correctly with the client's key and sends.
   *
   * @param token an access token for {@code Authorization: GNAP}, or null for none
   */
  void sendSigned(String operationId, String method, String url, String token, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "GNAP " + token);
    }
    SignedHeaders signed = sign(clientSigner(Clock.systemUTC()), method, url, headers, body);
    headers.putAll(signed.headers());
    send(operationId, method, url, headers, body, signed.signatureBase());
  }
}
