package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.client.error.TransportException;
import dev.opkit.client.error.TransportFailure;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.WalletAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private AccessTokenRequest quoteAccess() {
    return AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE));
  }

  @Test
  void callWhenGnapErrorThenApiErrorWithCodeDescriptionAndRequest() {
    fixture.server.on(
        "POST",
        "/auth",
        Reply.json(
            400,
            "{\"error\":{\"code\":\"invalid_client\",\"description\":\"could not determine"
                + " client\"}}"));

    assertThatThrownBy(
            () -> fixture.client.grant().request(fixture.server.url("/auth"), quoteAccess()))
        .isInstanceOfSatisfying(
            ApiErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.gnapCode()).contains(GnapErrorCode.INVALID_CLIENT);
              assertThat(e.is(GnapErrorCode.INVALID_CLIENT)).isTrue();
              assertThat(e.description()).contains("could not determine client");
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.url()).isEqualTo(fixture.server.url("/auth"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "POST "
                          + fixture.server.url("/auth")
                          + ": HTTP 400 invalid_client: could not determine client");
            });
  }

  @Test
  void callWhenResourceServerErrorWithDetailsThenStatusCodeAndDetails() {
    fixture.server.on(
        "POST",
        "/outgoing-payments",
        Reply.json(
            403,
            "{\"error\":{\"code\":\"403\",\"description\":\"unauthorized\","
                + "\"details\":{\"limit\":\"debitAmount\"}}}"));

    assertThatThrownBy(
            () ->
                fixture
                    .client
                    .outgoingPayment()
                    .create(
                        fixture.server.origin(),
                        "T",
                        new CreateOutgoingPaymentRequest.FromQuote(
                            fixture.server.url("/alice"), fixture.server.url("/quotes/q"), null)))
        .isInstanceOfSatisfying(
            ApiErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).contains("403");
              assertThat(e.gnapCode()).isEmpty();
              assertThat(e.details()).containsEntry("limit", "debitAmount");
            });
  }

  @Test
  void callWhenErrorBodyIsNotJsonThenApiErrorKeepsRawBody() {
    fixture.server.on("GET", "/bob", new Reply(502, "Bad Gateway", Map.of(), 0));

    assertThatThrownBy(() -> fixture.client.walletAddress().get(fixture.server.url("/bob")))
        .isInstanceOfSatisfying(
            ApiErrorException.class,
            e -> {
              assertThat(e.code()).isEmpty();
              assertThat(e.body()).isEqualTo("Bad Gateway");
              assertThat(e.getMessage()).endsWith("HTTP 502: Bad Gateway");
            });
  }

  @Test
  void callWhenNothingListensThenTransportConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/bob";

    assertThatThrownBy(() -> fixture.client.walletAddress().get(url))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(TransportFailure.CONNECTION_REFUSED);
              assertThat(e.url()).isEqualTo(url);
            });
  }

  @Test
  void callWhenHostUnknownThenTransportUnknownHost() {
    assertThatThrownBy(() -> fixture.client.walletAddress().get("http://no-such-host.invalid/bob"))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.failure()).isEqualTo(TransportFailure.UNKNOWN_HOST));
  }

  @Test
  void callWhenAnswerTooSlowThenTransportTimeout() {
    try (Fixture slow =
        new Fixture(ClientOptions.defaults().withRequestTimeout(Duration.ofMillis(200)))) {
      slow.server.on("GET", "/bob", Reply.json(200, slow.walletAddress("bob")).delayed(1500));

      assertThatThrownBy(() -> slow.client.walletAddress().get(slow.server.url("/bob")))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> assertThat(e.failure()).isEqualTo(TransportFailure.TIMEOUT));
      assertThat(slow.exchanges)
          .singleElement()
          .satisfies(x -> assertThat(x.failure()).isPresent());
    }
  }

  @Test
  void callWhenUrlNotAbsoluteThenIllegalArgumentNamingIt() {
    assertThatThrownBy(() -> fixture.client.walletAddress().get("wallet.example/bob"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'wallet.example/bob' is not an absolute http(s) URL");
  }

  @Test
  void readWhenRequiredFieldMissingThenValidationNamesFieldAndRule() {
    fixture.server.on(
        "GET",
        "/bob",
        Reply.json(
            200,
            "{\"id\":\""
                + fixture.server.url("/bob")
                + "\",\"assetCode\":\"USD\",\"assetScale\":2,\"resourceServer\":\""
                + fixture.server.origin()
                + "\"}"));

    assertThatThrownBy(() -> fixture.client.walletAddress().get(fixture.server.url("/bob")))
        .isInstanceOfSatisfying(
            ResponseValidationException.class,
            e -> {
              assertThat(e.operationId()).isEqualTo("get-wallet-address");
              assertThat(e.violations())
                  .anySatisfy(
                      v -> {
                        assertThat(v.keyword()).isEqualTo("required");
                        assertThat(v.message()).contains("authServer");
                      });
            });
  }

  @Test
  void readWhenFormatBrokenThenViolationWithLocation() {
    fixture.server.on(
        "GET",
        "/bob",
        Reply.json(
            200, fixture.walletAddress("bob").replace("\"assetScale\":2", "\"assetScale\":\"2\"")));

    assertThatThrownBy(() -> fixture.client.walletAddress().get(fixture.server.url("/bob")))
        .isInstanceOfSatisfying(
            ResponseValidationException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(v -> assertThat(v.location()).isEqualTo("$.assetScale")));
  }

  @Test
  void readWhenValidationOffThenExtraViolationsIgnoredButModelStillChecked() {
    try (Fixture lenient = new Fixture(ClientOptions.defaults().withResponseValidation(false))) {
      String invalidUri =
          lenient.walletAddress("bob").replace("\"publicName\":\"bob\"", "\"publicName\":7");
      lenient.server.on("GET", "/bob", Reply.json(200, lenient.walletAddress("bob")));
      WalletAddress bob = lenient.client.walletAddress().get(lenient.server.url("/bob"));
      assertThat(bob.publicName()).isEqualTo("bob");

      lenient.server.on("GET", "/carol", Reply.json(200, invalidUri));
      assertThatThrownBy(() -> lenient.client.walletAddress().get(lenient.server.url("/carol")))
          .isInstanceOfSatisfying(
              ResponseValidationException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(v -> assertThat(v.location()).isEqualTo("$.publicName")));
    }
  }

  @Test
  void readWhenBodyNotJsonThenValidationSaysSo() {
    fixture.server.on("GET", "/bob", Reply.json(200, "<html>hello</html>"));

    assertThatThrownBy(() -> fixture.client.walletAddress().get(fixture.server.url("/bob")))
        .isInstanceOfSatisfying(
            ResponseValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("the body is not JSON")));
  }
}
