package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.PublicIncomingPayment;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncomingPaymentApiTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private CreateIncomingPaymentRequest request() {
    return new CreateIncomingPaymentRequest(
        fixture.server.url("/bob"),
        Amount.of("500", "USD", 2),
        Instant.parse("2025-05-20T13:10:00Z"),
        null);
  }

  @Test
  void createWhenAnsweredThenPostedToCollectionSignedWithToken() {
    fixture.server.on(
        "POST", "/incoming-payments", Reply.json(201, fixture.incomingPayment("in-1", "0", false)));

    IncomingPayment payment =
        fixture.client.incomingPayment().create(fixture.server.origin(), "IN-TOKEN", request());

    assertThat(payment.id()).isEqualTo(fixture.server.url("/incoming-payments/in-1"));
    FakeServer.Received sent = fixture.server.last();
    assertThat(sent.url()).isEqualTo(fixture.server.url("/incoming-payments"));
    assertThat(sent.body())
        .isEqualTo(
            "{\"walletAddress\":\""
                + fixture.server.url("/bob")
                + "\",\"incomingAmount\":{\"value\":\"500\",\"assetCode\":\"USD\",\"assetScale\":2},"
                + "\"expiresAt\":\"2025-05-20T13:10:00.000Z\"}");
    assertThat(sent.header("Authorization")).contains("GNAP IN-TOKEN");
    assertThat(sent.verification().verified()).isTrue();
  }

  @Test
  void createWhenResourceServerHasTrailingSlashThenNoDoubleSlash() {
    fixture.server.on(
        "POST", "/incoming-payments", Reply.json(201, fixture.incomingPayment("in-1", "0", false)));

    fixture.client.incomingPayment().create(fixture.server.origin() + "/", "T", request());

    assertThat(fixture.server.last().url()).isEqualTo(fixture.server.url("/incoming-payments"));
  }

  @Test
  void createWhenNewPaymentAlreadyReceivedThenValidationNamesField() {
    fixture.server.on(
        "POST", "/incoming-payments", Reply.json(201, fixture.incomingPayment("in-1", "7", false)));

    assertThatThrownBy(
            () -> fixture.client.incomingPayment().create(fixture.server.origin(), "T", request()))
        .isInstanceOfSatisfying(
            ResponseValidationException.class,
            e -> {
              assertThat(e.operationId()).isEqualTo("create-incoming-payment");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(v -> assertThat(v.location()).isEqualTo("$.receivedAmount"));
            });
  }

  @Test
  void listWhenWalletAddressAndPaginationThenEncodedQuerySigned() {
    fixture.server.on(
        "GET",
        "/incoming-payments",
        Reply.json(
            200,
            "{\"pagination\":{\"hasNextPage\":false,\"hasPreviousPage\":false},\"result\":["
                + fixture.incomingPaymentWithoutMethods("in-1", "0", false)
                + "]}"));

    Page<IncomingPayment> page =
        fixture
            .client
            .incomingPayment()
            .list(fixture.server.origin(), "T", "https://w.example/bob", Pagination.first(10));

    assertThat(page.result()).hasSize(1);
    FakeServer.Received sent = fixture.server.last();
    assertThat(sent.url())
        .isEqualTo(
            fixture.server.url(
                "/incoming-payments?wallet-address=https%3A%2F%2Fw.example%2Fbob&first=10"));
    assertThat(sent.verification().verified()).isTrue();
  }

  @Test
  void getWhenTokenThenSignedAndMethodsRead() {
    fixture.server.on(
        "GET",
        "/incoming-payments/in-1",
        Reply.json(200, fixture.incomingPayment("in-1", "0", false)));

    IncomingPayment payment =
        fixture.client.incomingPayment().get(fixture.server.url("/incoming-payments/in-1"), "T");

    assertThat(payment.methods())
        .singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo("ilp"));
    assertThat(fixture.server.last().verification().verified()).isTrue();
  }

  @Test
  void getPublicWhenNoTokenThenUnsigned() {
    fixture.server.on(
        "GET",
        "/incoming-payments/in-1",
        Reply.json(
            200,
            "{\"receivedAmount\":{\"value\":\"0\",\"assetCode\":\"USD\",\"assetScale\":2},"
                + "\"authServer\":\""
                + fixture.server.url("/auth")
                + "\"}"));

    PublicIncomingPayment payment =
        fixture.client.incomingPayment().getPublic(fixture.server.url("/incoming-payments/in-1"));

    assertThat(payment.authServer()).isEqualTo(fixture.server.url("/auth"));
    assertThat(fixture.server.last().signed()).isFalse();
  }

  @Test
  void completeWhenAnsweredThenSignedPostWithoutBody() {
    fixture.server.on(
        "POST",
        "/incoming-payments/in-1/complete",
        Reply.json(200, fixture.incomingPaymentWithoutMethods("in-1", "500", true)));

    IncomingPayment payment =
        fixture
            .client
            .incomingPayment()
            .complete(fixture.server.url("/incoming-payments/in-1"), "T");

    assertThat(payment.completed()).isTrue();
    FakeServer.Received sent = fixture.server.last();
    assertThat(sent.body()).isEmpty();
    assertThat(sent.verification().verified()).isTrue();
  }
}
