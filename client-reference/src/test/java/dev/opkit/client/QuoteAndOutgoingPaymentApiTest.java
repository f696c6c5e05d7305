package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.protocol.model.CreateOutgoingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.GrantSpentAmounts;
import dev.opkit.protocol.model.OutgoingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.Quote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuoteAndOutgoingPaymentApiTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void quoteCreateWhenReceiverHasAmountThenPostsWalletReceiverAndMethod() {
    fixture.server.on("POST", "/quotes", Reply.json(201, fixture.quote("q-1")));

    Quote quote =
        fixture
            .client
            .quote()
            .create(
                fixture.server.origin(),
                "Q",
                CreateQuoteRequest.forIncomingAmount(
                    fixture.server.url("/alice"), fixture.server.url("/incoming-payments/in-1")));

    assertThat(quote.debitAmount().value()).hasToString("510");
    FakeServer.Received sent = fixture.server.last();
    assertThat(sent.body())
        .isEqualTo(
            "{\"walletAddress\":\""
                + fixture.server.url("/alice")
                + "\",\"receiver\":\""
                + fixture.server.url("/incoming-payments/in-1")
                + "\",\"method\":\"ilp\"}");
    assertThat(sent.verification().verified()).isTrue();
  }

  @Test
  void quoteGetWhenTokenThenSigned() {
    fixture.server.on("GET", "/quotes/q-1", Reply.json(200, fixture.quote("q-1")));

    Quote quote = fixture.client.quote().get(fixture.server.url("/quotes/q-1"), "Q");

    assertThat(quote.id()).endsWith("/quotes/q-1");
    assertThat(fixture.server.last().verification().verified()).isTrue();
  }

  @Test
  void outgoingCreateWhenQuoteThenPaymentWithGrantSpent() {
    fixture.server.on(
        "POST",
        "/outgoing-payments",
        Reply.json(
            201,
            fixture
                .outgoingPayment("q-1", "510", false)
                .replace(
                    "\"createdAt\"",
                    "\"grantSpentDebitAmount\":{\"value\":\"0\",\"assetCode\":\"USD\",\"assetScale\":2},"
                        + "\"createdAt\"")));

    OutgoingPayment payment =
        fixture
            .client
            .outgoingPayment()
            .create(
                fixture.server.origin(),
                "OUT",
                new CreateOutgoingPaymentRequest.FromQuote(
                    fixture.server.url("/alice"), fixture.server.url("/quotes/q-1"), null));

    assertThat(payment.grantSpentDebitAmount().isZero()).isTrue();
    FakeServer.Received sent = fixture.server.last();
    assertThat(sent.body())
        .isEqualTo(
            "{\"walletAddress\":\""
                + fixture.server.url("/alice")
                + "\",\"quoteId\":\""
                + fixture.server.url("/quotes/q-1")
                + "\"}");
    assertThat(sent.verification().verified()).isTrue();
  }

  @Test
  void outgoingGetWhenTheWalletAddsFieldsTheSpecDoesNotListThenTheyAreIgnored() {
    String withExtras =
        fixture
            .outgoingPayment("p-1", "500", false)
            .replaceFirst(
                "\\{",
                "{\"cardService\":\"https://wallet.example/card\","
                    + "\"additionalProperties\":{\"nested\":{\"depth\":2}},");
    fixture.server.on("GET", "/outgoing-payments/p-1", Reply.json(200, withExtras));

    assertThat(
            fixture
                .client
                .outgoingPayment()
                .get(fixture.server.url("/outgoing-payments/p-1"), "OUT")
                .sentAmount()
                .value())
        .isEqualTo("500");
  }

  @Test
  void outgoingGetWhenSentMoreThanDebitThenInconsistent() {
    fixture.server.on(
        "GET",
        "/outgoing-payments/p-1",
        Reply.json(200, fixture.outgoingPayment("p-1", "999", false)));

    assertThatThrownBy(
            () ->
                fixture
                    .client
                    .outgoingPayment()
                    .get(fixture.server.url("/outgoing-payments/p-1"), "OUT"))
        .isInstanceOfSatisfying(
            ResponseValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.location()).isEqualTo("$.sentAmount");
                          assertThat(v.keyword()).isEqualTo("consistency");
                        }));
  }

  @Test
  void outgoingListWhenPagedThenCursorInQuery() {
    fixture.server.on(
        "GET",
        "/outgoing-payments",
        Reply.json(
            200,
            "{\"pagination\":{\"startCursor\":\"p-1\",\"endCursor\":\"p-1\",\"hasNextPage\":true,"
                + "\"hasPreviousPage\":false},\"result\":["
                + fixture.outgoingPayment("p-1", "510", false)
                + "]}"));

    Page<OutgoingPayment> page =
        fixture
            .client
            .outgoingPayment()
            .list(
                fixture.server.origin(),
                "OUT",
                fixture.server.url("/alice"),
                Pagination.first(5, "p-0"));

    assertThat(page.pagination().hasNextPage()).isTrue();
    assertThat(fixture.server.last().url()).endsWith("&first=5&cursor=p-0");
    assertThat(fixture.server.last().verification().verified()).isTrue();
  }

  @Test
  void grantSpentAmountsWhenNothingSpentThenNulls() {
    fixture.server.on(
        "GET",
        "/outgoing-payment-grant",
        Reply.json(200, "{\"spentDebitAmount\":null,\"spentReceiveAmount\":null}"));

    GrantSpentAmounts spent =
        fixture.client.outgoingPayment().grantSpentAmounts(fixture.server.origin(), "OUT");

    assertThat(spent.spentDebitAmount()).isNull();
    assertThat(fixture.server.last().verification().verified()).isTrue();
  }
}
