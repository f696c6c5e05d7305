package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final Instant CREATED = Instant.ofEpochSecond(1735689600);
  private static final String URL = "https://wallet.example/incoming-payments";
  private static final String AUTHORIZATION = "GNAP OS9M2PMHKUR64TB8N6BW";
  private static final String BODY =
      "{\"walletAddress\":\"https://wallet.example/alice\",\"incomingAmount\":{\"value\":\"2500\","
          + "\"assetCode\":\"USD\",\"assetScale\":2}}";

  private final Ed25519KeyPair key = TestKeys.protocolExample();
  private final RequestSigner signer =
      new RequestSigner(key, "key-1", Clock.fixed(CREATED, ZoneOffset.UTC));
  private final SignatureVerifier verifier = new SignatureVerifier(VerifierPolicy.defaults());
  private final KeyLookup keys =
      keyId -> "key-1".equals(keyId) ? Optional.of(key.publicKey()) : Optional.empty();

  /** A POST as the SDK sends it: Authorization, JSON body, content headers, signature headers. */
  private HttpMessage signedPost() {
    return sent(
        HttpMessage.of(
            "POST",
            URL,
            Map.of(
                "Authorization", AUTHORIZATION,
                "Content-Type", "application/json",
                "Content-Length", "115"),
            BODY));
  }

  private HttpMessage sent(HttpMessage request) {
    return request.withHeaders(signer.sign(request).headers());
  }

  /** Signs {@code request} with an arbitrary Signature-Input member value. */
  private HttpMessage signedWith(HttpMessage request, String innerList) {
    SignatureBase base = SignatureBase.of(request, SignatureParameters.parse(innerList));
    return request.withHeaders(
        Map.of(
            "Signature-Input",
            "sig1=" + innerList,
            "Signature",
            "sig1=:" + Base64.getEncoder().encodeToString(key.sign(base.bytes())) + ":"));
  }

  private VerificationResult verify(HttpMessage message) {
    return verifier.verify(message, keys, CREATED.plusSeconds(5));
  }

  private static VerificationResult.Failed failed(
      VerificationResult result, SignatureFailure reason) {
    assertThat(result).isInstanceOf(VerificationResult.Failed.class);
    VerificationResult.Failed failed = (VerificationResult.Failed) result;
    assertThat(failed.reason()).as(failed.description()).isEqualTo(reason);
    return failed;
  }

  private static HttpMessage replace(HttpMessage message, String method, String targetUri) {
    return new HttpMessage(method, targetUri, message.headers(), message.body());
  }

  private static HttpMessage withBody(HttpMessage message, String body) {
    return new HttpMessage(
        message.method(),
        message.targetUri(),
        message.headers(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpMessage without(HttpMessage message, String header) {
    Map<String, String> headers = new LinkedHashMap<>(message.headers());
    headers.remove(header);
    return new HttpMessage(message.method(), message.targetUri(), headers, message.body());
  }

  @Test
  void verifyWhenSdkStylePostThenVerifiedWithKeyCreatedAndBase() {
    VerificationResult result = verify(signedPost());

    assertThat(result).isInstanceOf(VerificationResult.Verified.class);
    VerificationResult.Verified verified = (VerificationResult.Verified) result;
    assertThat(verified.keyId()).isEqualTo("key-1");
    assertThat(verified.created()).isEqualTo(CREATED);
    assertThat(verified.signatureBase()).startsWith("\"@method\": POST\n");
  }

  @Test
  void verifyWhenGetWithoutAuthorizationOrBodyThenVerified() {
    HttpMessage get = sent(new HttpMessage("GET", URL + "/abc", Map.of(), null));

    assertThat(verify(get).verified()).isTrue();
  }

  @Test
  void verifyWhenOneBodyByteChangedThenDigestMismatchWithComputedDigest() {
    String tampered = BODY.replace("2500", "2501");

    VerificationResult.Failed failed =
        failed(verify(withBody(signedPost(), tampered)), SignatureFailure.DIGEST_MISMATCH);

    String expected = ContentDigest.sha512(tampered.getBytes(StandardCharsets.UTF_8));
    assertThat(failed.diagnostics().computedDigest()).contains(expected);
    assertThat(failed.description()).contains(expected);
  }

  @Test
  void verifyWhenBodyAndDigestBothReplacedThenBadSignature() {
    String tampered = BODY.replace("2500", "9999");
    HttpMessage message =
        withBody(signedPost(), tampered)
            .withHeaders(
                Map.of(
                    "Content-Digest",
                    ContentDigest.sha512(tampered.getBytes(StandardCharsets.UTF_8))));

    failed(verify(message), SignatureFailure.BAD_SIGNATURE);
  }

  @Test
  void verifyWhenAuthorizationChangedThenBadSignature() {
    HttpMessage message = signedPost().withHeaders(Map.of("Authorization", "GNAP OTHERTOKEN"));

    failed(verify(message), SignatureFailure.BAD_SIGNATURE);
  }

  @Test
  void verifyWhenContentTypeChangedThenBadSignature() {
    HttpMessage message =
        signedPost().withHeaders(Map.of("Content-Type", "application/json; charset=utf-8"));

    failed(verify(message), SignatureFailure.BAD_SIGNATURE);
  }

  @Test
  void verifyWhenMethodChangedThenBadSignature() {
    failed(verify(replace(signedPost(), "PUT", URL)), SignatureFailure.BAD_SIGNATURE);
  }

  @Test
  void verifyWhenPathChangedThenBadSignature() {
    failed(
        verify(replace(signedPost(), "POST", "https://wallet.example/outgoing-payments")),
        SignatureFailure.BAD_SIGNATURE);
  }

  @Test
  void verifyWhenQueryChangedThenBadSignature() {
    HttpMessage get =
        sent(
            new HttpMessage(
                "GET", URL + "?first=10", Map.of("Authorization", AUTHORIZATION), null));

    failed(verify(replace(get, "GET", URL + "?first=11")), SignatureFailure.BAD_SIGNATURE);
  }

  @Test
  void verifyWhenSignedByAnotherKeyThenBadSignatureWithDiagnostics() {
    RequestSigner impostor =
        new RequestSigner(TestKeys.second(), "key-1", Clock.fixed(CREATED, ZoneOffset.UTC));
    HttpMessage request = new HttpMessage("GET", URL, Map.of("Authorization", AUTHORIZATION), null);
    HttpMessage message = request.withHeaders(impostor.sign(request).headers());

    VerificationResult.Failed failed = failed(verify(message), SignatureFailure.BAD_SIGNATURE);

    assertThat(failed.description()).contains("key \"key-1\"");
    assertThat(failed.diagnostics().keyId()).contains("key-1");
    assertThat(failed.diagnostics().targetUri()).isEqualTo(URL);
    assertThat(failed.diagnostics().signatureBase())
        .contains(impostor.sign(request).signatureBase());
  }

  @Test
  void verifyWhenSignatureInputAbsentThenSignatureInputMissing() {
    failed(
        verify(without(signedPost(), "signature-input")), SignatureFailure.SIGNATURE_INPUT_MISSING);
  }

  @Test
  void verifyWhenSignatureAbsentThenSignatureMissing() {
    failed(verify(without(signedPost(), "signature")), SignatureFailure.SIGNATURE_MISSING);
  }

  @Test
  void verifyWhenSignatureInputIsNotADictionaryThenMalformedSignatureInput() {
    HttpMessage message =
        signedPost().withHeaders(Map.of("Signature-Input", "sig1=(\"@method\" \"@target-uri\""));

    VerificationResult.Failed failed =
        failed(verify(message), SignatureFailure.MALFORMED_SIGNATURE_INPUT);

    assertThat(failed.description()).startsWith("Signature-Input is not an RFC 8941 dictionary");
  }

  @Test
  void verifyWhenSignatureInputMemberIsNotAnInnerListThenMalformedSignatureInput() {
    HttpMessage message = signedPost().withHeaders(Map.of("Signature-Input", "sig1=\"@method\""));

    failed(verify(message), SignatureFailure.MALFORMED_SIGNATURE_INPUT);
  }

  @Test
  void verifyWhenSignatureIsNotBase64ThenMalformedSignature() {
    HttpMessage message = signedPost().withHeaders(Map.of("Signature", "sig1=:not base64!:"));

    failed(verify(message), SignatureFailure.MALFORMED_SIGNATURE);
  }

  @Test
  void verifyWhenSignatureMemberIsAStringThenMalformedSignature() {
    HttpMessage message = signedPost().withHeaders(Map.of("Signature", "sig1=\"abc\""));

    failed(verify(message), SignatureFailure.MALFORMED_SIGNATURE);
  }

  @Test
  void verifyWhenSignatureTruncatedThenMalformedSignatureNamingLength() {
    String signature = signedPost().header("signature").orElseThrow();
    String truncated = "sig1=:" + signature.substring(6, 20) + ":";

    VerificationResult.Failed failed =
        failed(
            verify(signedPost().withHeaders(Map.of("Signature", truncated))),
            SignatureFailure.MALFORMED_SIGNATURE);

    assertThat(failed.description()).contains("an Ed25519 signature has 64");
  }

  @Test
  void verifyWhenLabelIsNotSig1ThenLabelMissing() {
    HttpMessage signed = signedPost();
    HttpMessage relabelled =
        signed.withHeaders(
            Map.of(
                "Signature-Input",
                signed.header("signature-input").orElseThrow().replace("sig1=", "sig2="),
                "Signature",
                signed.header("signature").orElseThrow().replace("sig1=", "sig2=")));

    VerificationResult.Failed failed = failed(verify(relabelled), SignatureFailure.LABEL_MISSING);

    assertThat(failed.description()).contains("no \"sig1\" member").contains("[sig2]");
  }

  @Test
  void verifyWhenOnlySignatureLacksSig1ThenLabelMissing() {
    HttpMessage signed = signedPost();
    HttpMessage message =
        signed.withHeaders(
            Map.of(
                "Signature", signed.header("signature").orElseThrow().replace("sig1=", "sig2=")));

    VerificationResult.Failed failed = failed(verify(message), SignatureFailure.LABEL_MISSING);

    assertThat(failed.description()).startsWith("Signature has no \"sig1\" member");
  }

  @Test
  void verifyWhenOtherSignaturesAccompanySig1ThenSig1Verified() {
    HttpMessage signed = signedPost();
    HttpMessage message =
        signed.withHeaders(
            Map.of(
                "Signature-Input",
                "proxy=(\"@method\");created=1, " + signed.header("signature-input").orElseThrow(),
                "Signature",
                signed.header("signature").orElseThrow() + ", proxy=:AAAA:"));

    assertThat(verify(message).verified()).isTrue();
  }

  @Test
  void verifyWhenAuthorizationAddedAfterSigningThenComponentNotCovered() {
    HttpMessage request = new HttpMessage("GET", URL, Map.of(), null);
    HttpMessage message = sent(request).withHeaders(Map.of("Authorization", AUTHORIZATION));

    VerificationResult.Failed failed =
        failed(verify(message), SignatureFailure.COMPONENT_NOT_COVERED);

    assertThat(failed.description()).startsWith("component \"authorization\" not covered");
  }

  @Test
  void verifyWhenBodyButContentDigestNotCoveredThenComponentNotCovered() {
    HttpMessage request =
        HttpMessage.of(
            "POST", URL, Map.of("Content-Type", "application/json", "Content-Length", "115"), BODY);
    HttpMessage message =
        signedWith(request, "(\"@method\" \"@target-uri\");keyid=\"key-1\";created=1735689600");

    VerificationResult.Failed failed =
        failed(verify(message), SignatureFailure.COMPONENT_NOT_COVERED);

    assertThat(failed.description()).startsWith("component \"content-digest\" not covered");
  }

  @Test
  void verifyWhenTargetUriNotCoveredThenComponentNotCovered() {
    HttpMessage request = new HttpMessage("GET", URL, Map.of(), null);
    HttpMessage message =
        signedWith(request, "(\"@method\" \"@path\");keyid=\"key-1\";created=1735689600");

    VerificationResult.Failed failed =
        failed(verify(message), SignatureFailure.COMPONENT_NOT_COVERED);

    assertThat(failed.description()).startsWith("component \"@target-uri\" not covered");
  }

  @Test
  void verifyWhenComponentNameUpperCaseThenUnsupportedComponent() {
    HttpMessage request =
        new HttpMessage("GET", URL, Map.of("Authorization", AUTHORIZATION), null)
            .withHeaders(
                Map.of(
                    "Signature-Input",
                    "sig1=(\"@method\" \"@target-uri\" \"Authorization\");keyid=\"key-1\";"
                        + "created=1735689600",
                    "Signature",
                    "sig1=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":"));

    VerificationResult.Failed failed =
        failed(verify(request), SignatureFailure.UNSUPPORTED_COMPONENT);

    assertThat(failed.description()).contains("\"Authorization\" must be lower-case");
  }

  @Test
  void verifyWhenCoveredHeaderNotSentThenCoveredHeaderMissing() {
    VerificationResult.Failed failed =
        failed(
            verify(without(signedPost(), "content-type")), SignatureFailure.COVERED_HEADER_MISSING);

    assertThat(failed.description()).contains("\"content-type\"");
  }

  @Test
  void verifyWhenContentDigestNotSentThenDigestMissing() {
    failed(verify(without(signedPost(), "content-digest")), SignatureFailure.DIGEST_MISSING);
  }

  @Test
  void verifyWhenContentDigestCoveredButNoContentTypeHeaderThenBodyHeaderMissing() {
    HttpMessage request =
        HttpMessage.of(
                "POST", URL, Map.of("Authorization", AUTHORIZATION, "Content-Length", "115"), BODY)
            .withHeaders(
                Map.of(
                    "Content-Digest", ContentDigest.sha512(BODY.getBytes(StandardCharsets.UTF_8))));
    HttpMessage message =
        signedWith(
            request,
            "(\"@method\" \"@target-uri\" \"authorization\" \"content-digest\");keyid=\"key-1\";"
                + "created=1735689600");

    failed(verify(message), SignatureFailure.BODY_HEADER_MISSING);
  }

  @Test
  void verifyWhenDigestUsesSha256OnlyThenVerified() {
    String sha256 =
        "sha-256=:"
            + Base64.getEncoder().encodeToString(sha256(BODY.getBytes(StandardCharsets.UTF_8)))
            + ":";
    HttpMessage message = signedWith(contentRequest(sha256), sdkInnerList());

    VerificationResult result = verify(message);
    assertThat(result.verified()).isTrue();
    assertThat(((VerificationResult.Verified) result).bodySha512()).isNull();
  }

  @Test
  void verifyWhenDigestListsOnlyUnknownAlgorithmsThenDigestAlgorithmUnsupported() {
    HttpMessage message = signedWith(contentRequest("md5=:AAAA:"), sdkInnerList());

    failed(verify(message), SignatureFailure.DIGEST_ALGORITHM_UNSUPPORTED);
  }

  @Test
  void verifyWhenDigestMalformedThenMalformedDigest() {
    HttpMessage message = signedWith(contentRequest("sha-512=abc def"), sdkInnerList());

    VerificationResult.Failed failed = failed(verify(message), SignatureFailure.MALFORMED_DIGEST);

    assertThat(failed.diagnostics().computedDigest())
        .contains(ContentDigest.sha512(BODY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void verifyWhenKeyidAbsentThenKeyidMissing() {
    HttpMessage message =
        signedWith(
            new HttpMessage("GET", URL, Map.of(), null),
            "(\"@method\" \"@target-uri\");created=1735689600");

    failed(verify(message), SignatureFailure.KEYID_MISSING);
  }

  @Test
  void verifyWhenCreatedAbsentThenCreatedMissing() {
    HttpMessage message =
        signedWith(
            new HttpMessage("GET", URL, Map.of(), null),
            "(\"@method\" \"@target-uri\");keyid=\"key-1\"");

    failed(verify(message), SignatureFailure.CREATED_MISSING);
  }

  @Test
  void verifyWhenCreatedIsNotAnIntegerThenMalformedSignatureInput() {
    HttpMessage message =
        signedPost()
            .withHeaders(
                Map.of(
                    "Signature-Input",
                    "sig1=(\"@method\" \"@target-uri\");keyid=\"key-1\";created=\"yesterday\""));

    VerificationResult.Failed failed =
        failed(verify(message), SignatureFailure.MALFORMED_SIGNATURE_INPUT);

    assertThat(failed.description()).contains("created must be an integer");
  }

  @Test
  void verifyWhenCreatedOlderThanMaxAgeThenCreatedTooOld() {
    VerificationResult result = verifier.verify(signedPost(), keys, CREATED.plusSeconds(301));

    VerificationResult.Failed failed = failed(result, SignatureFailure.CREATED_TOO_OLD);
    assertThat(failed.description()).contains("301 s old").contains("older than 300 s");
  }

  @Test
  void verifyWhenCreatedExactlyMaxAgeThenVerified() {
    assertThat(verifier.verify(signedPost(), keys, CREATED.plusSeconds(300)).verified()).isTrue();
  }

  @Test
  void verifyWhenCreatedBeyondFutureSkewThenCreatedInFuture() {
    VerificationResult result = verifier.verify(signedPost(), keys, CREATED.minusSeconds(61));

    VerificationResult.Failed failed = failed(result, SignatureFailure.CREATED_IN_FUTURE);
    assertThat(failed.description()).contains("61 s in the future");
  }

  @Test
  void verifyWhenCreatedWithinFutureSkewThenVerified() {
    assertThat(verifier.verify(signedPost(), keys, CREATED.minusSeconds(60)).verified()).isTrue();
  }

  @Test
  void verifyWhenPolicyAllowsAnHourThenOldSignatureVerified() {
    SignatureVerifier lenient =
        new SignatureVerifier(new VerifierPolicy(Duration.ofHours(1), Duration.ZERO));

    assertThat(lenient.verify(signedPost(), keys, CREATED.plusSeconds(3000)).verified()).isTrue();
  }

  @Test
  void verifyWhenExpiresPassedThenExpired() {
    HttpMessage message =
        signedWith(
            new HttpMessage("GET", URL, Map.of(), null),
            "(\"@method\" \"@target-uri\");keyid=\"key-1\";created=1735689600;expires=1735689602");

    failed(verify(message), SignatureFailure.EXPIRED);
  }

  @Test
  void verifyWhenAlgIsEd25519ThenVerified() {
    HttpMessage message =
        signedWith(
            new HttpMessage("GET", URL, Map.of(), null),
            "(\"@method\" \"@target-uri\");created=1735689600;keyid=\"key-1\";alg=\"ed25519\"");

    assertThat(verify(message).verified()).isTrue();
  }

  @Test
  void verifyWhenAlgIsNotEd25519ThenUnsupportedAlgorithm() {
    HttpMessage message =
        signedWith(
            new HttpMessage("GET", URL, Map.of(), null),
            "(\"@method\" \"@target-uri\");keyid=\"key-1\";created=1735689600;alg=\"rsa-pss-sha512\"");

    failed(verify(message), SignatureFailure.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verifyWhenKeyidUnknownThenUnknownKeyNamingIt() {
    RequestSigner other = new RequestSigner(key, "k9", Clock.fixed(CREATED, ZoneOffset.UTC));
    HttpMessage request = new HttpMessage("GET", URL, Map.of(), null);

    VerificationResult.Failed failed =
        failed(
            verify(request.withHeaders(other.sign(request).headers())),
            SignatureFailure.UNKNOWN_KEY);

    assertThat(failed.description()).isEqualTo("keyid \"k9\" not found");
    assertThat(failed.diagnostics().keyId()).contains("k9");
  }

  @Test
  void verifyWhenAnEarlierCheckFailsThenKeysNotLookedUp() {
    KeyLookup mustNotBeCalled =
        keyId -> {
          throw new AssertionError("key lookup must come after the cheap checks");
        };

    VerificationResult result =
        verifier.verify(
            withBody(signedPost(), BODY.replace("USD", "EUR")), mustNotBeCalled, CREATED);

    failed(result, SignatureFailure.DIGEST_MISMATCH);
  }

  private static HttpMessage contentRequest(String contentDigest) {
    return HttpMessage.of(
        "POST",
        URL,
        Map.of(
            "Authorization",
            AUTHORIZATION,
            "Content-Type",
            "application/json",
            "Content-Length",
            "115",
            "Content-Digest",
            contentDigest),
        BODY);
  }

  private static String sdkInnerList() {
    return "(\"@method\" \"@target-uri\" \"authorization\" \"content-digest\" \"content-length\""
        + " \"content-type\");keyid=\"key-1\";created=1735689600";
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
