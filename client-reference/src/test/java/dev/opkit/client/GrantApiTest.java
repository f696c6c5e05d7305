package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractFinish;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.signature.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrantApiTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void requestWhenSentThenSignedCompactBodyWithClientWalletAddress() {
    fixture.server.on("POST", "/auth", Reply.json(200, fixture.approvedGrant("TOKEN-1")));

    GrantResponse grant =
        fixture
            .client
            .grant()
            .request(
                fixture.server.url("/auth"),
                AccessTokenRequest.of(
                    AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE, AccessAction.READ)));

    assertThat(grant.accessToken().value()).isEqualTo("TOKEN-1");
    FakeServer.Received request = fixture.server.last();
    assertThat(request.body())
        .isEqualTo(
            "{\"access_token\":{\"access\":[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]},"
                + "\"client\":\""
                + fixture.server.url("/client")
                + "\"}");
    assertThat(request.verification()).isInstanceOf(VerificationResult.Verified.class);
    assertThat(request.header("Signature-Input").orElseThrow())
        .isEqualTo(
            "sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"content-length\""
                + " \"content-type\");keyid=\"test-key\";created="
                + Fixture.NOW.getEpochSecond());
    assertThat(request.header("Authorization")).isEmpty();
  }

  @Test
  void requestWhenInteractiveThenPendingGrantWithInteractAndWait() {
    fixture.server.on("POST", "/auth", Reply.json(200, fixture.pendingGrant()));

    GrantResponse pending =
        fixture
            .client
            .grant()
            .request(
                fixture.server.url("/auth"),
                AccessTokenRequest.of(
                    AccessItem.of(
                        AccessType.OUTGOING_PAYMENT,
                        fixture.server.url("/alice"),
                        AccessAction.CREATE)),
                InteractRequest.redirect(
                    InteractFinish.redirect("http://localhost:3344", "CLIENT-NONCE")));

    assertThat(pending.interact().finish()).isEqualTo("AS-NONCE");
    assertThat(pending.continuation().waitSeconds()).isEqualTo(5);
    assertThat(fixture.server.last().body())
        .contains(
            "\"interact\":{\"start\":[\"redirect\"],\"finish\":{\"method\":\"redirect\","
                + "\"uri\":\"http://localhost:3344\",\"nonce\":\"CLIENT-NONCE\"}}");
  }

  @Test
  void continueGrantWhenInteractRefThenSignedWithContinueToken() {
    fixture.server.on("POST", "/auth", Reply.json(200, fixture.pendingGrant()));
    fixture.server.on("POST", "/auth/continue/c-1", Reply.json(200, fixture.approvedGrant("T2")));
    GrantResponse pending =
        fixture
            .client
            .grant()
            .request(
                fixture.server.url("/auth"),
                AccessTokenRequest.of(
                    AccessItem.of(
                        AccessType.OUTGOING_PAYMENT,
                        fixture.server.url("/alice"),
                        AccessAction.CREATE)),
                InteractRequest.redirect(InteractFinish.redirect("http://localhost:3344", "N")));

    GrantResponse approved = fixture.client.grant().continueGrant(pending.continuation(), "REF-1");

    assertThat(approved.accessToken().value()).isEqualTo("T2");
    FakeServer.Received request = fixture.server.last();
    assertThat(request.header("Authorization")).contains("GNAP CONT-1");
    assertThat(request.body()).isEqualTo("{\"interact_ref\":\"REF-1\"}");
    assertThat(request.verification().verified()).isTrue();
    assertThat(request.header("Signature-Input").orElseThrow())
        .contains("\"authorization\" \"content-digest\"");
  }

  @Test
  void pollWhenNoFinishThenEmptyBodySignedWithoutDigest() {
    fixture.server.on("POST", "/auth", Reply.json(200, fixture.pendingGrant()));
    fixture.server.on("POST", "/auth/continue/c-1", Reply.json(200, fixture.pendingGrant()));
    GrantResponse pending =
        fixture
            .client
            .grant()
            .request(
                fixture.server.url("/auth"),
                AccessTokenRequest.of(
                    AccessItem.of(
                        AccessType.OUTGOING_PAYMENT,
                        fixture.server.url("/alice"),
                        AccessAction.CREATE)),
                InteractRequest.redirect(null));

    fixture.client.grant().poll(pending.continuation());

    FakeServer.Received request = fixture.server.last();
    assertThat(request.body()).isEmpty();
    assertThat(request.header("Content-Digest")).isEmpty();
    assertThat(request.verification().verified()).isTrue();
    assertThat(request.header("Signature-Input").orElseThrow())
        .startsWith("sig1=(\"@method\" \"@target-uri\" \"authorization\");");
  }

  @Test
  void cancelWhenNoContentThenSignedDelete() {
    fixture.server.on("DELETE", "/auth/continue/c-1", Reply.empty(204));

    fixture.client.grant().cancel(fixture.server.url("/auth/continue/c-1"), "CONT-1");

    FakeServer.Received request = fixture.server.last();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.header("Authorization")).contains("GNAP CONT-1");
    assertThat(request.verification().verified()).isTrue();
  }
}
