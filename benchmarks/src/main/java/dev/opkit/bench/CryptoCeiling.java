package dev.opkit.bench;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.HttpMessage;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignatureVerifier;
import dev.opkit.protocol.signature.SignedHeaders;
import dev.opkit.protocol.signature.VerificationResult;
import dev.opkit.protocol.signature.VerifierPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ceiling for signed requests: the work no server can avoid, a client signing a request (RFC
 * 9421, Ed25519, sha-512 Content-Digest) and a verifier checking it, with the same requests and the
 * same keys as the journeys but no HTTP and no state. The verifier gets the already parsed public
 * key, as a server with a key cache does.
 */
final class CryptoCeiling {
  private final SignatureVerifier verifier = new SignatureVerifier(VerifierPolicy.defaults());
  private final Clock clock = Clock.systemUTC();

  /** The requests of one client and its key. */
  record ClientRequests(
      Ed25519KeyPair keys, String keyId, List<SignedClient.CapturedRequest> requests) {
    ClientRequests {
      requests = List.copyOf(requests);
      if (requests.isEmpty()) {
        throw new IllegalArgumentException("a client without requests gives no ceiling");
      }
    }
  }

  /** A work item that signs and verifies each of the client's requests once. */
  LoadGenerator.Work work(ClientRequests client, Measurements measurements) {
    RequestSigner signer = new RequestSigner(client.keys(), client.keyId(), clock);
    return () -> {
      for (SignedClient.CapturedRequest request : client.requests()) {
        long started = System.nanoTime();
        signAndVerify(signer, client, request.message());
        measurements.request(request.step(), System.nanoTime() - started);
      }
    };
  }

  /** Signs a request as a client, then verifies it as a server receives it. */
  void signAndVerify(RequestSigner signer, ClientRequests client, HttpMessage request) {
    SignedHeaders signed = signer.sign(request);
    Map<String, String> received = new LinkedHashMap<>(request.headers());
    received.putAll(signed.headers());
    if (request.hasBody()) {
      received.put("Content-Length", Integer.toString(request.body().length));
    }
    HttpMessage arrived =
        new HttpMessage(request.method(), request.targetUri(), received, request.body());
    VerificationResult result =
        verifier.verify(
            arrived,
            keyId ->
                keyId.equals(client.keyId())
                    ? Optional.of(client.keys().publicKey())
                    : Optional.empty(),
            clock.instant());
    if (!(result instanceof VerificationResult.Verified)) {
      throw new JourneyFailure(
          "the ceiling's own signature did not verify: "
              + result
              + " for "
              + request.method()
              + " "
              + request.targetUri()
              + " "
              + new String(request.body(), StandardCharsets.UTF_8));
    }
  }
}
