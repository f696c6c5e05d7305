package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.PemKeys;
import dev.opkit.protocol.keys.TestKeys;
import dev.opkit.protocol.signature.InteropVectors.NodeVector;
import dev.opkit.protocol.signature.InteropVectors.NodeVectors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests signed by the official Node library ({@code src/test/vectors/generate.mjs}): Java
 * verifies every one and, from the same inputs, produces the same header bytes.
 */
class NodeVectorsTest {
  private static final NodeVectors FIXTURE =
      InteropVectors.read(InteropVectors.NODE_SIGNED, NodeVectors.class);

  static Stream<Named<NodeVector>> vectors() {
    return FIXTURE.vectors().stream().map(v -> Named.of(v.name(), v));
  }

  @Test
  void fixtureWhenLoadedThenFromPinnedLibraryWithEveryCase() {
    assertThat(FIXTURE.library()).isEqualTo("@interledger/http-signature-utils@2.0.3");
    assertThat(FIXTURE.vectors())
        .extracting(NodeVector::name)
        .contains(
            "post-incoming-payment",
            "get-incoming-payments-with-query",
            "post-grant-request-without-authorization",
            "post-continue-without-body",
            "delete-token",
            "get-without-authorization",
            "port-encoded-query-and-utf8-body",
            "library-generated-key");
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verifyWhenNodeSignedThenVerified(NodeVector vector) {
    Ed25519PublicKey key = Ed25519PublicKey.fromJwk(vector.jwk());
    SignatureVerifier verifier = new SignatureVerifier(VerifierPolicy.defaults());

    VerificationResult result =
        verifier.verify(
            vector.request().toMessage(vector.signedHeaders()),
            kid -> kid.equals(vector.keyId()) ? Optional.of(key) : Optional.empty(),
            Instant.ofEpochSecond(vector.created()).plusSeconds(1));

    assertThat(result.verified()).as(result.toString()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signWhenSameInputsAsNodeThenSameHeaderBytes(NodeVector vector) {
    Ed25519KeyPair key = keyOf(vector);
    RequestSigner signer =
        new RequestSigner(
            key,
            vector.keyId(),
            Clock.fixed(Instant.ofEpochSecond(vector.created()), ZoneOffset.UTC));

    SignedHeaders signed =
        signer.sign(
            vector.request().method(),
            vector.request().url(),
            vector.request().headers(),
            vector.request().bodyBytes());

    assertThat(signed.signatureInput())
        .isEqualTo(vector.signedHeaders().get(SignedHeaders.SIGNATURE_INPUT));
    assertThat(signed.signature()).isEqualTo(vector.signedHeaders().get(SignedHeaders.SIGNATURE));
    assertThat(signed.headers().get(SignedHeaders.CONTENT_DIGEST))
        .isEqualTo(vector.signedHeaders().get(SignedHeaders.CONTENT_DIGEST));
    assertThat(signed.headers().get(SignedHeaders.CONTENT_TYPE))
        .isEqualTo(vector.signedHeaders().get(SignedHeaders.CONTENT_TYPE));
    if (vector.request().body() != null) {
      assertThat(signed.signatureBase())
          .contains("\"content-length\": " + vector.signedHeaders().get("Content-Length") + "\n");
    }
  }

  /** The fixed test key, or the key the library generated, read from the PEM it exported. */
  private static Ed25519KeyPair keyOf(NodeVector vector) {
    Ed25519KeyPair key =
        vector.privateKeyPem() == null
            ? TestKeys.protocolExample()
            : PemKeys.readPrivateKey(vector.privateKeyPem());
    assertThat(key.toJwk(vector.keyId())).isEqualTo(vector.jwk());
    return key;
  }
}
