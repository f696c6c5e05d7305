package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Ed25519PublicKey;
import dev.opkit.protocol.keys.TestKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two worked examples of PROTOCOL.md §3, made with the Node SDK, re-created byte for byte. */
class ProtocolExamplesTest {
  private static final Instant CREATED = Instant.ofEpochSecond(1735689600);
  private static final String AUTHORIZATION = "GNAP OS9M2PMHKUR64TB8N6BW";
  private static final String BODY =
      "{\"walletAddress\":\"https://wallet.example/alice\",\"incomingAmount\":{\"value\":\"2500\","
          + "\"assetCode\":\"USD\",\"assetScale\":2}}";

  private static final String POST_BASE =
      """
      "@method": POST
      "@target-uri": https://wallet.example/incoming-payments
      "authorization": GNAP OS9M2PMHKUR64TB8N6BW
      "content-digest": sha-512=:2FUHqe7MVAnp1KTHwGJtGBeEw1vkB1tMekuQEAsSk/s2eJXAYr5qwZ+yKUDOklxVw+vVwl0WQEoiIqS7Nqo4Hw==:
      "content-length": 115
      "content-type": application/json
      "@signature-params": ("@method" "@target-uri" "authorization" "content-digest" \
      "content-length" "content-type");keyid="key-1";created=1735689600""";

  private final RequestSigner signer =
      new RequestSigner(
          TestKeys.protocolExample(),
          TestKeys.PROTOCOL_EXAMPLE_KID,
          Clock.fixed(CREATED, ZoneOffset.UTC));
  private final SignatureVerifier verifier = new SignatureVerifier(VerifierPolicy.defaults());

  @Test
  void signWhenPostWithBodyThenProtocolExampleBytes() {
    HttpMessage request =
        HttpMessage.of(
            "POST",
            "https://wallet.example/incoming-payments",
            Map.of("Authorization", AUTHORIZATION, "Content-Type", "application/json"),
            BODY);

    SignedHeaders signed = signer.sign(request);

    assertThat(signed.headers())
        .containsExactly(
            Map.entry(
                "Content-Digest",
                "sha-512=:2FUHqe7MVAnp1KTHwGJtGBeEw1vkB1tMekuQEAsSk/s2eJXAYr5qwZ+yKUDOklxVw+vVwl0WQE"
                    + "oiIqS7Nqo4Hw==:"),
            Map.entry(
                "Signature-Input",
                "sig1=(\"@method\" \"@target-uri\" \"authorization\" \"content-digest\""
                    + " \"content-length\" \"content-type\");keyid=\"key-1\";created=1735689600"),
            Map.entry(
                "Signature",
                "sig1=:iG3M48EMNkD2ksRzPz7VLID8lpjEN0rJz9f49yH8uzbo9Eh4nxMgiHKLBMEa5vUbY1Uc4bpwI8zt6"
                    + "ADd82cHAA==:"));
    assertThat(signed.signatureBase()).isEqualTo(POST_BASE);
    assertThat(BODY).hasSize(115);
  }

  @Test
  void verifyWhenPostExampleAsSentThenVerified() {
    HttpMessage received =
        HttpMessage.of(
                "POST",
                "https://wallet.example/incoming-payments",
                Map.of(
                    "Authorization", AUTHORIZATION,
                    "Content-Type", "application/json",
                    "Content-Length", "115"),
                BODY)
            .withHeaders(
                Map.of(
                    "Content-Digest",
                    "sha-512=:2FUHqe7MVAnp1KTHwGJtGBeEw1vkB1tMekuQEAsSk/s2eJXAYr5qwZ+yKUDOklxVw+vVwl0W"
                        + "QEoiIqS7Nqo4Hw==:",
                    "Signature-Input",
                    "sig1=(\"@method\" \"@target-uri\" \"authorization\" \"content-digest\""
                        + " \"content-length\" \"content-type\");keyid=\"key-1\";created=1735689600",
                    "Signature",
                    "sig1=:iG3M48EMNkD2ksRzPz7VLID8lpjEN0rJz9f49yH8uzbo9Eh4nxMgiHKLBMEa5vUbY1Uc4bpwI8z"
                        + "t6ADd82cHAA==:"));

    VerificationResult result =
        verifier.verify(received, ProtocolExamplesTest::lookup, CREATED.plusSeconds(30));

    assertThat(result)
        .isEqualTo(
            new VerificationResult.Verified(
                "key-1",
                CREATED,
                POST_BASE,
                "sha-512=:2FUHqe7MVAnp1KTHwGJtGBeEw1vkB1tMekuQEAsSk/s2eJXAYr5qwZ+yKUDOklxVw+vVwl0W"
                    + "QEoiIqS7Nqo4Hw==:"));
  }

  @Test
  void signWhenGetWithQueryThenProtocolExampleBytes() {
    SignedHeaders signed =
        signer.sign(
            "GET",
            "https://wallet.example/incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice&first=10",
            Map.of("Authorization", AUTHORIZATION),
            null);

    assertThat(signed.headers())
        .containsExactly(
            Map.entry(
                "Signature-Input",
                "sig1=(\"@method\" \"@target-uri\" \"authorization\");keyid=\"key-1\";created=1735689600"),
            Map.entry(
                "Signature",
                "sig1=:nSyX/d7lUKCToKMJwS3tYFkZUu0/+KZJtAssn4BBCMgFxmvIKp7Nbg/wr5z+vGRoBiogspjozWpLwh"
                    + "6sVVutAg==:"));
    assertThat(signed.signatureBase())
        .isEqualTo(
            """
            "@method": GET
            "@target-uri": https://wallet.example/incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice&first=10
            "authorization": GNAP OS9M2PMHKUR64TB8N6BW
            "@signature-params": ("@method" "@target-uri" "authorization");keyid="key-1";created=1735689600""");
  }

  @Test
  void verifyWhenGetExampleAsSentThenVerified() {
    HttpMessage received =
        new HttpMessage(
            "GET",
            "https://wallet.example/incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice&first=10",
            Map.of(
                "Authorization",
                AUTHORIZATION,
                "Signature-Input",
                "sig1=(\"@method\" \"@target-uri\" \"authorization\");keyid=\"key-1\";created=1735689600",
                "Signature",
                "sig1=:nSyX/d7lUKCToKMJwS3tYFkZUu0/+KZJtAssn4BBCMgFxmvIKp7Nbg/wr5z+vGRoBiogspjozWpLwh"
                    + "6sVVutAg==:"),
            null);

    VerificationResult result = verifier.verify(received, ProtocolExamplesTest::lookup, CREATED);

    assertThat(result.verified()).isTrue();
  }

  private static Optional<Ed25519PublicKey> lookup(String keyId) {
    return TestKeys.PROTOCOL_EXAMPLE_KID.equals(keyId)
        ? Optional.of(TestKeys.protocolExample().publicKey())
        : Optional.empty();
  }
}
