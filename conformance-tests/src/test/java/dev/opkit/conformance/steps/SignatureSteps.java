package dev.opkit.conformance.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.ClientIdentity;
import dev.opkit.conformance.targets.Role;
import dev.opkit.conformance.targets.TargetKind;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.GrantClient;
import dev.opkit.protocol.model.GrantRequest;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignedHeaders;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP message signatures (RFC 9421 as Open Payments profiles it): grant requests and token-bearing
 * requests built and signed by hand, then sent as they are, correct or tampered, with REST Assured,
 * since the reference client would never send a broken one.
 */
public final class SignatureSteps {
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";

  private final ScenarioContext context;
  private final Grants grants;
  private final HandSignedRequests hand;

  public SignatureSteps(ScenarioContext context, Grants grants, HandSignedRequests hand) {
    this.context = context;
    this.grants = grants;
    this.hand = hand;
  }

  private ClientIdentity identity() {
    return context.client().identity();
  }

  private String grantEndpoint() {
    return context.wallet(Role.SENDER).authServer();
  }

  /** A quote grant request body, compact as {@code JSON.stringify} writes it. */
  private String quoteGrantBody() {
    return Json.write(quoteGrantRequest());
  }

  private GrantRequest quoteGrantRequest() {
    return new GrantRequest(
        AccessTokenRequest.of(Grants.quoteAccess()),
        GrantClient.walletAddressString(identity().walletAddress()),
        null,
        null);
  }

  private SignedHeaders sign(
      RequestSigner signer, String method, String url, Map<String, String> headers, String body) {
    return HandSignedRequests.sign(signer, method, url, headers, body);
  }

  private RequestSigner signer(Clock clock) {
    return hand.clientSigner(clock);
  }

  private void sendGrantRequest(Map<String, String> headers, String body, String signatureBase) {
    hand.send("post-request", "POST", grantEndpoint(), headers, body, signatureBase);
  }

  private void sendSignedGrantRequest(String signedBody, String sentBody) {
    SignedHeaders signed =
        sign(signer(Clock.systemUTC()), "POST", grantEndpoint(), Map.of(), signedBody);
    sendGrantRequest(signed.headers(), sentBody, signed.signatureBase());
  }

  @When(
      "the client sends a quote grant request to the sender's authorization server, signed by hand")
  public void sendsACorrectlySignedGrantRequest() {
    String body = quoteGrantBody();
    sendSignedGrantRequest(body, body);
  }

  @When("the client signs a quote grant request but sends a different body")
  public void sendsAnotherBodyThanSigned() {
    String signed = quoteGrantBody();
    String sent = signed.replace("\"create\",\"read\"", "\"read\",\"create\"");
    if (sent.equals(signed)) {
      throw new IllegalStateException("the kit could not change the body it signed: " + signed);
    }
    sendSignedGrantRequest(signed, sent);
  }

  @When("the client sends a quote grant request whose signature was altered")
  public void sendsAForgedSignature() {
    String body = quoteGrantBody();
    SignedHeaders signed = sign(signer(Clock.systemUTC()), "POST", grantEndpoint(), Map.of(), body);
    Map<String, String> headers = new LinkedHashMap<>(signed.headers());
    headers.put(SignedHeaders.SIGNATURE, forged(signed.signature()));
    sendGrantRequest(headers, body, signed.signatureBase());
  }

  /** The same signature with its first byte's bits flipped. */
  private static String forged(String signatureHeader) {
    String value = signatureHeader.substring("sig1=:".length(), signatureHeader.length() - 1);
    byte[] bytes = Base64.getDecoder().decode(value);
    bytes[0] = (byte) ~bytes[0];
    return "sig1=:" + Base64.getEncoder().encodeToString(bytes) + ":";
  }

  @When("the client sends a quote grant request without signing it")
  public void sendsAnUnsignedGrantRequest() {
    sendGrantRequest(Map.of(CONTENT_TYPE, JSON), quoteGrantBody(), null);
  }

  @When(
      "the client sends a quote grant request signed with a key its wallet address does not publish")
  public void sendsAGrantRequestSignedWithAnUnknownKey() {
    String body = quoteGrantBody();
    RequestSigner stranger =
        new RequestSigner(
            Ed25519KeyPair.generate(), "opkit-unpublished-" + UUID.randomUUID(), Clock.systemUTC());
    SignedHeaders signed = sign(stranger, "POST", grantEndpoint(), Map.of(), body);
    sendGrantRequest(signed.headers(), body, signed.signatureBase());
  }

  @When("the client sends a quote grant request whose signature covers another address")
  public void sendsASignatureForAnotherAddress() {
    String body = quoteGrantBody();
    SignedHeaders signed =
        sign(signer(Clock.systemUTC()), "POST", grantEndpoint() + "/elsewhere", Map.of(), body);
    sendGrantRequest(signed.headers(), body, signed.signatureBase());
  }

  @When("the client sends a quote grant request signed ten minutes ago")
  public void sendsAnOldSignature() {
    String body = quoteGrantBody();
    Clock tenMinutesAgo =
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), Clock.systemUTC().getZone());
    SignedHeaders signed = sign(signer(tenMinutesAgo), "POST", grantEndpoint(), Map.of(), body);
    sendGrantRequest(signed.headers(), body, signed.signatureBase());
  }

  @When("the client sends a quote grant request with a pretty-printed body, correctly signed")
  public void sendsAPrettyPrintedBody() throws JsonProcessingException {
    String body =
        Json.mapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(Json.toTree(quoteGrantRequest()));
    sendSignedGrantRequest(body, body);
  }

  @Then("a grant is issued at once")
  public void aGrantIsIssuedAtOnce() {
    context
        .refusal()
        .ifPresent(e -> context.verdicts().must(false, "the grant is issued", e::getMessage));
    JsonNode json = context.answerJson();
    context
        .verdicts()
        .must(
            json.path("access_token").path("value").isTextual() && !json.has("interact"),
            "a grant that needs no interaction answers with an access token at once"
                + " (RFC 9635 §3.2.1)",
            json::toString);
  }

  @Then("on this project's sandbox the refusal explains that the body must be compact JSON")
  public void theRefusalExplainsCompactJson() {
    if (context.target().kind() == TargetKind.WALLET) {
      // The wording is the sandbox's own help; a real wallet only has to refuse.
      return;
    }
    String description = context.answerJson().path("error").path("description").asText("");
    context
        .verdicts()
        .must(
            description.toLowerCase(Locale.ROOT).contains("compact"),
            "the sandbox names the compact-JSON trap in its refusal",
            () -> description);
  }

  @When("the client creates an incoming payment with its token but without signing the request")
  public void createsAnIncomingPaymentUnsigned() {
    String token = grants.incomingPaymentToken();
    String body = incomingPaymentBody();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "GNAP " + token);
    headers.put(CONTENT_TYPE, JSON);
    sendIncomingPayment(headers, body, null);
  }

  @When("the client creates an incoming payment with a signature that does not cover its token")
  public void createsAnIncomingPaymentWithoutCoveringTheToken() {
    String token = grants.incomingPaymentToken();
    String body = incomingPaymentBody();
    SignedHeaders signed =
        sign(signer(Clock.systemUTC()), "POST", incomingPaymentsUrl(), Map.of(), body);
    Map<String, String> headers = new LinkedHashMap<>(signed.headers());
    headers.put("Authorization", "GNAP " + token);
    sendIncomingPayment(headers, body, signed.signatureBase());
  }

  private String incomingPaymentsUrl() {
    String server = context.wallet(Role.RECEIVER).resourceServer();
    return (server.endsWith("/") ? server : server + "/") + "incoming-payments";
  }

  private String incomingPaymentBody() {
    return Json.write(
        new CreateIncomingPaymentRequest(context.wallet(Role.RECEIVER).id(), null, null, null));
  }

  private void sendIncomingPayment(Map<String, String> headers, String body, String base) {
    hand.send("create-incoming-payment", "POST", incomingPaymentsUrl(), headers, body, base);
  }
}
