package dev.opkit.protocol.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interop fixtures in {@code src/test/resources/vectors}, written and checked by {@code
 * src/test/vectors/generate.mjs} with the official Node library {@code
 * @interledger/http-signature-utils}.
 */
final class InteropVectors {
  static final String NODE_SIGNED = "vectors/node-signed.json";
  static final String JAVA_SIGNED = "vectors/java-signed.json";
  static final String NODE_VERIFIED_JAVA = "vectors/node-verified-java.json";

  private InteropVectors() {}

  /** A request as the fixtures spell it; {@code body} is absent for none. */
  record VectorRequest(String method, String url, Map<String, String> headers, String body) {
    VectorRequest {
      headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    }

    byte[] bodyBytes() {
      return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    HttpMessage toMessage(Map<String, String> moreHeaders) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putAll(moreHeaders);
      return new HttpMessage(method, url, all, bodyBytes());
    }
  }

  /** A request signed by the Node library ({@code createHeaders}). */
  record NodeVector(
      String name,
      String keyId,
      long created,
      Jwk jwk,
      VectorRequest request,
      Map<String, String> signedHeaders,
      String privateKeyPem) {}

  record NodeVectors(String library, List<NodeVector> vectors) {}

  /** A request signed by {@link RequestSigner}, possibly tampered with afterwards. */
  record JavaVector(
      String name, String keyId, Jwk jwk, VectorRequest request, boolean expectValid) {}

  record JavaVectors(String generator, List<JavaVector> vectors) {}

  /** What the Node library said about one Java vector. */
  record NodeResult(
      String name, boolean expectValid, boolean headersValid, boolean signatureValid) {}

  record NodeVerification(String library, String fixtureSha256, List<NodeResult> results) {}

  static <T> T read(String resource, Class<T> type) {
    try {
      return Json.mapper().readValue(TestKeys.resource(resource), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
