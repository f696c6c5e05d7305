package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.exchange.Exchange;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientBehaviourTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void listenerWhenSignedCallThenSeesHeadersSignatureBaseAndResponse() {
    fixture.server.on("POST", "/auth", Reply.json(200, fixture.approvedGrant("T")));

    fixture
        .client
        .grant()
        .request(
            fixture.server.url("/auth"),
            AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE)));

    assertThat(fixture.exchanges).hasSize(1);
    Exchange exchange = fixture.exchanges.get(0);
    assertThat(exchange.operationId()).isEqualTo("post-request");
    assertThat(exchange.request().requestLine()).isEqualTo("POST " + fixture.server.url("/auth"));
    assertThat(exchange.request().headers())
        .containsKeys("Content-Digest", "Signature-Input", "Signature");
    assertThat(exchange.request().signature().orElseThrow())
        .startsWith("\"@method\": POST\n\"@target-uri\": " + fixture.server.url("/auth"))
        .contains("\"@signature-params\": (\"@method\"");
    assertThat(exchange.receivedResponse().orElseThrow().status()).isEqualTo(200);
    assertThat(exchange.receivedResponse().orElseThrow().body()).contains("\"value\":\"T\"");
  }

  @Test
  void signatureWhenFixedClockThenCreatedIsClockTime() {
    fixture.server.on("POST", "/auth/token/m-A", Reply.json(200, fixture.rotatedToken("B")));

    fixture.client.token().rotate(fixture.server.url("/auth/token/m-A"), "A");

    assertThat(fixture.server.last().header("Signature-Input").orElseThrow())
        .endsWith(";created=" + Fixture.NOW.getEpochSecond());
  }

  @Test
  void callsWhenMadeFromManyThreadsThenEverySignatureVerifies() throws Exception {
    fixture.server.on("POST", "/auth/token/m-A", Reply.json(200, fixture.rotatedToken("B")));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(
            pool.submit(
                () ->
                    fixture
                        .client
                        .token()
                        .rotate(fixture.server.url("/auth/token/m-A"), "A")
                        .value()));
      }
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo("B");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fixture.server.received())
        .hasSize(20)
        .allSatisfy(r -> assertThat(r.verification().verified()).isTrue());
  }
}
