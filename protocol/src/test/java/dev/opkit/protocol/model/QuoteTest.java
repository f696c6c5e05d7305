package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The resource-server spec's quote examples. */
class QuoteTest {

  @Test
  void roundTripWhenCreatedFixedSendExampleThenSameJson() {
    Quote quote =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/quotes/8c68d3cc-0a0f-4216-98b4-4fa44a6c88cf",
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "receiver": "https://ilp.interledger-test.dev/aplusvideo/incoming-payments/45d495ad-b763-4882-88d7-aa14d261686e",
              "debitAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "receiveAmount": {"value": "2198", "assetCode": "EUR", "assetScale": 2},
              "method": "ilp",
              "createdAt": "2022-03-12T23:20:50.52Z",
              "expiresAt": "2022-04-12T23:20:50.52Z"
            }
            """,
            Quote.class);
    assertThat(quote.receiveAmount().assetCode()).isEqualTo("EUR");
    assertThat(quote.expiresAt()).isEqualTo(Instant.parse("2022-04-12T23:20:50.520Z"));
  }

  @Test
  void roundTripWhenGetExampleThenSameJson() {
    Quote quote =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/bob/quotes/3859b39e-4666-4ce5-8745-72f1864c5371",
              "walletAddress": "https://ilp.interledger-test.dev/bob/",
              "receiver": "https://ilp.interledger-test.dev/incoming-payments/2f1b0150-db73-49e8-8713-628baa4a17ff",
              "debitAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "receiveAmount": {"value": "2198", "assetCode": "EUR", "assetScale": 2},
              "method": "ilp",
              "createdAt": "2022-03-12T23:20:50.52Z",
              "expiresAt": "2022-04-12T23:20:50.52Z"
            }
            """,
            Quote.class);
    assertThat(quote.method()).isEqualTo(IlpPaymentMethod.ILP);
  }

  @Test
  void roundTripWhenCreateRequestForIncomingAmountExampleThenNoAmounts() {
    CreateQuoteRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "walletAddress": "https://ilp.interledger-test.dev/alice",
              "receiver": "https://ilp.interledger-test.dev/incoming-payments/37a0d0ee-26dc-4c66-89e0-01fbf93156f7",
              "method": "ilp"
            }
            """,
            CreateQuoteRequest.class);
    assertThat(request)
        .isEqualTo(
            CreateQuoteRequest.forIncomingAmount(
                "https://ilp.interledger-test.dev/alice",
                "https://ilp.interledger-test.dev/incoming-payments/37a0d0ee-26dc-4c66-89e0-01fbf93156f7"));
  }

  @Test
  void roundTripWhenCreateRequestFixedSendExampleThenDebitAmount() {
    CreateQuoteRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "walletAddress": "https://ilp.interledger-test.dev/alice",
              "receiver": "https://ilp.interledger-test.dev/incoming-payments/37a0d0ee-26dc-4c66-89e0-01fbf93156f7",
              "method": "ilp",
              "debitAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2}
            }
            """,
            CreateQuoteRequest.class);
    assertThat(request.debitAmount()).isEqualTo(Amount.of("2500", "USD", 2));
    assertThat(request.receiveAmount()).isNull();
  }

  @Test
  void roundTripWhenCreateRequestFixedReceiveExampleThenReceiveAmount() {
    CreateQuoteRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "walletAddress": "https://ilp.interledger-test.dev/alice",
              "receiver": "https://ilp.interledger-test.dev/incoming-payments/37a0d0ee-26dc-4c66-89e0-01fbf93156f7",
              "method": "ilp",
              "receiveAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2}
            }
            """,
            CreateQuoteRequest.class);
    assertThat(request.receiveAmount()).isEqualTo(Amount.of("2500", "USD", 2));
    assertThat(request.debitAmount()).isNull();
  }

  @Test
  void readWhenBothAmountsThenRejectedAsTheSpecsFormsExcludeIt() {
    String body =
        "{\"walletAddress\":\"https://w/a\",\"receiver\":\"https://w/incoming-payments/1\","
            + "\"method\":\"ilp\",\"debitAmount\":{\"value\":\"1\",\"assetCode\":\"USD\","
            + "\"assetScale\":2},\"receiveAmount\":{\"value\":\"1\",\"assetCode\":\"USD\","
            + "\"assetScale\":2}}";
    assertThatThrownBy(() -> Json.read(body, CreateQuoteRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void readWhenMethodMissingThenMissingField() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"walletAddress\":\"https://w/a\",\"receiver\":\"https://w/incoming-payments/1\"}",
                    CreateQuoteRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'method'");
  }
}
