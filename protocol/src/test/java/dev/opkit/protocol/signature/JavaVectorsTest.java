package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.TestKeys;
import dev.opkit.protocol.signature.InteropVectors.JavaVector;
import dev.opkit.protocol.signature.InteropVectors.JavaVectors;
import dev.opkit.protocol.signature.InteropVectors.NodeResult;
import dev.opkit.protocol.signature.InteropVectors.NodeVerification;
import dev.opkit.protocol.signature.InteropVectors.VectorRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Java-signed interop fixture: it is exactly what {@link RequestSigner} produces today, and the
 * Node library's verdict on it (recorded by {@code src/test/vectors/generate.mjs}) matches.
 *
 * <p>Run with {@code -Dopkit.vectors.write=true} to rewrite the fixture after a deliberate change,
 * then rerun the Node script (see {@code src/test/vectors/README.md}).
 */
class JavaVectorsTest {
  private static final Path FIXTURE = Path.of("src/test/resources", InteropVectors.JAVA_SIGNED);
  private static final Instant CREATED = Instant.ofEpochSecond(1735689600);
  private static final String AUTHORIZATION = "GNAP OS9M2PMHKUR64TB8N6BW";
  private static final String INCOMING_PAYMENT =
      "{\"walletAddress\":\"https://wallet.example/alice\",\"incomingAmount\":{\"value\":\"2500\","
          + "\"assetCode\":\"USD\",\"assetScale\":2}}";

  @Test
  void fixtureWhenRegeneratedThenIdenticalToCommittedFile() throws IOException {
    String generated = generate();
    if (Boolean.getBoolean("opkit.vectors.write")) {
      Files.writeString(FIXTURE, generated);
    }

    assertThat(Files.readString(FIXTURE)).isEqualTo(generated);
  }

  @Test
  void nodeVerdictWhenRecordedThenForThisFixtureAndAsExpected() throws IOException {
    NodeVerification verdict =
        InteropVectors.read(InteropVectors.NODE_VERIFIED_JAVA, NodeVerification.class);
    JavaVectors fixture = InteropVectors.read(InteropVectors.JAVA_SIGNED, JavaVectors.class);

    assertThat(verdict.fixtureSha256()).isEqualTo(sha256Hex(Files.readAllBytes(FIXTURE)));
    assertThat(verdict.library()).isEqualTo("@interledger/http-signature-utils@2.0.3");
    assertThat(verdict.results())
        .extracting(NodeResult::name)
        .containsExactlyElementsOf(fixture.vectors().stream().map(JavaVector::name).toList());
    assertThat(verdict.results())
        .allSatisfy(r -> assertThat(r.signatureValid()).as(r.name()).isEqualTo(r.expectValid()));
    assertThat(verdict.results()).anyMatch(NodeResult::signatureValid);
    assertThat(verdict.results()).anyMatch(r -> !r.signatureValid());
  }

  @Test
  void fixtureWhenVerifiedInJavaThenSameVerdictAsExpected() {
    JavaVectors fixture = InteropVectors.read(InteropVectors.JAVA_SIGNED, JavaVectors.class);
    SignatureVerifier verifier = new SignatureVerifier(VerifierPolicy.defaults());

    assertThat(fixture.vectors())
        .allSatisfy(
            vector -> {
              Ed25519PublicKey key = Ed25519PublicKey.fromJwk(vector.jwk());
              VerificationResult result =
                  verifier.verify(
                      vector.request().toMessage(Map.of()),
                      kid -> kid.equals(vector.keyId()) ? Optional.of(key) : Optional.empty(),
                      CREATED);
              assertThat(result.verified()).as(vector.name()).isEqualTo(vector.expectValid());
            });
  }

  private static String generate() throws JsonProcessingException {
    List<JavaVector> vectors = new ArrayList<>();
    Ed25519KeyPair key1 = TestKeys.protocolExample();
    Ed25519KeyPair key2 = TestKeys.second();

    JavaVector post =
        signed(
            "post-incoming-payment",
            key1,
            "key-1",
            new VectorRequest(
                "POST",
                "https://wallet.example/incoming-payments",
                json(Map.of("Authorization", AUTHORIZATION), INCOMING_PAYMENT),
                INCOMING_PAYMENT));
    JavaVector get =
        signed(
            "get-incoming-payments-with-query",
            key1,
            "key-1",
            new VectorRequest(
                "GET",
                "https://wallet.example/incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice&first=10",
                Map.of("Authorization", AUTHORIZATION),
                null));
    String grant =
        "{\"access_token\":{\"access\":[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]},"
            + "\"client\":\"https://client.example/app\"}";
    vectors.add(post);
    vectors.add(get);
    vectors.add(
        signed(
            "post-grant-request-without-authorization",
            key1,
            "key-1",
            new VectorRequest(
                "POST", "https://auth.wallet.example/", json(Map.of(), grant), grant)));
    vectors.add(
        signed(
            "delete-continue",
            key1,
            "key-1",
            new VectorRequest(
                "DELETE",
                "https://auth.wallet.example/continue/4CF492MLVMSW9MKMXKHQ",
                Map.of("Authorization", "GNAP 33OMUKMKSKU80UPRY5NM"),
                null)));
    String utf8 =
        "{\"walletAddress\":\"http://localhost:3000/bob\",\"metadata\":{\"description\":\"Café ☕\"}}";
    vectors.add(
        signed(
            "second-key-port-and-utf8-body",
            key2,
            "java-key-2",
            new VectorRequest(
                "POST",
                "http://localhost:3000/incoming-payments?note=caf%C3%A9",
                json(Map.of("Authorization", AUTHORIZATION), utf8),
                utf8)));
    vectors.add(
        tampered(
            "tampered-body",
            post,
            new VectorRequest(
                post.request().method(),
                post.request().url(),
                post.request().headers(),
                INCOMING_PAYMENT.replace("2500", "2501"))));
    vectors.add(
        tampered(
            "tampered-authorization",
            get,
            new VectorRequest(
                get.request().method(),
                get.request().url(),
                with(get.request().headers(), "Authorization", "GNAP ANOTHERTOKEN0000"),
                null)));
    vectors.add(
        tampered(
            "tampered-url",
            get,
            new VectorRequest(
                get.request().method(),
                get.request().url().replace("first=10", "first=100"),
                get.request().headers(),
                null)));
    String text =
        Json.newMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(
                new JavaVectors(
                    "dev.opkit.protocol.signature.RequestSigner via JavaVectorsTest", vectors));
    // The pretty printer uses the platform line separator; the committed file uses LF.
    return text.replace("\r\n", "\n") + "\n";
  }

  private static JavaVector signed(
      String name, Ed25519KeyPair key, String keyId, VectorRequest request) {
    RequestSigner signer = new RequestSigner(key, keyId, Clock.fixed(CREATED, ZoneOffset.UTC));
    SignedHeaders signed =
        signer.sign(request.method(), request.url(), request.headers(), request.bodyBytes());
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    headers.putAll(signed.headers());
    return new JavaVector(
        name,
        keyId,
        key.publicKey().toJwk(keyId),
        new VectorRequest(request.method(), request.url(), headers, request.body()),
        true);
  }

  private static JavaVector tampered(String name, JavaVector original, VectorRequest request) {
    return new JavaVector(name, original.keyId(), original.jwk(), request, false);
  }

  /** The headers a JSON request carries besides the signature: Content-Type and Content-Length. */
  private static Map<String, String> json(Map<String, String> headers, String body) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    all.put("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    return all;
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.put(name, value);
    return changed;
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
