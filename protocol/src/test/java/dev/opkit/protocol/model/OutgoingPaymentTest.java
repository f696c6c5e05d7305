package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource-server spec's outgoing payment examples. */
class OutgoingPaymentTest {

  @Test
  void roundTripWhenCreatedWithGrantSpentExampleThenSameJson() {
    OutgoingPayment payment =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/outgoing-payments/8c68d3cc-0a0f-4216-98b4-4fa44a6c88cf",
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "failed": false,
              "receiver": "https://ilp.interledger-test.dev/bob/incoming-payments/48884225-b393-4872-90de-1b737e2491c2",
              "debitAmount": {"value": "2600", "assetCode": "USD", "assetScale": 2},
              "receiveAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "sentAmount": {"value": "0", "assetCode": "USD", "assetScale": 2},
              "grantSpentDebitAmount": {"value": "2600", "assetCode": "USD", "assetScale": 2},
              "grantSpentReceiveAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "metadata": {"description": "Thank you for the shoes."},
              "createdAt": "2022-03-12T23:20:50.52Z"
            }
            """,
            OutgoingPayment.class);
    assertThat(payment.grantSpentDebitAmount()).isEqualTo(Amount.of("2600", "USD", 2));
    assertThat(payment.quoteId()).isNull();
    assertThat(payment.failed()).isFalse();
  }

  @Test
  void roundTripWhenGetExampleThenSameJsonWithoutGrantSpent() {
    OutgoingPayment payment =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/bob/outgoing-payments/3859b39e-4666-4ce5-8745-72f1864c5371",
              "walletAddress": "https://ilp.interledger-test.dev/bob/",
              "failed": false,
              "receiver": "https://ilp.interledger-test.dev/incoming-payments/2f1b0150-db73-49e8-8713-628baa4a17ff",
              "debitAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "receiveAmount": {"value": "2198", "assetCode": "EUR", "assetScale": 2},
              "sentAmount": {"value": "1205", "assetCode": "USD", "assetScale": 2},
              "createdAt": "2022-03-12T23:20:50.52Z",
              "metadata": {"description": "Thanks for the flowers!", "externalRef": "INV-12876"}
            }
            """,
            OutgoingPayment.class);
    assertThat(payment.grantSpentDebitAmount()).isNull();
    assertThat(Json.write(payment)).doesNotContain("grantSpent");
  }

  @Test
  void roundTripWhenListExampleThenPage() {
    Page<OutgoingPayment> page =
        RoundTrip.assertRoundTrip(
            """
            {
              "pagination": {
                "startCursor": "241de237-f989-42be-926d-c0c1fca57708",
                "endCursor": "315581f8-9967-45a0-9cd3-87b60b6d6414",
                "hasPreviousPage": false,
                "hasNextPage": true
              },
              "result": [
                {
                  "id": "https://ilp.interledger-test.dev/outgoing-payments/8c68d3cc-0a0f-4216-98b4-4fa44a6c88cf",
                  "walletAddress": "https://ilp.interledger-test.dev/alice/",
                  "failed": false,
                  "receiver": "https://ilp.interledger-test.dev/aplusvideo/incoming-payments/45d495ad-b763-4882-88d7-aa14d261686e",
                  "receiveAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
                  "debitAmount": {"value": "2600", "assetCode": "USD", "assetScale": 2},
                  "sentAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
                  "createdAt": "2022-03-12T23:20:50.52Z",
                  "metadata": {"description": "APlusVideo subscription", "externalRef": "customer: 847458475"}
                },
                {
                  "id": "https://ilp.interledger-test.dev/outgoing-payments/0cffa5a4-58fd-4cc8-8e01-7145c72bf07c",
                  "walletAddress": "https://ilp.interledger-test.dev/alice/",
                  "failed": false,
                  "receiver": "https://ilp.interledger-test.dev/shoeshop/incoming-payments/2fe92c6f-ef0d-487c-8759-3784eae6bce9",
                  "debitAmount": {"value": "7126", "assetCode": "USD", "assetScale": 2},
                  "receiveAmount": {"value": "7026", "assetCode": "USD", "assetScale": 2},
                  "sentAmount": {"value": "7026", "assetCode": "USD", "assetScale": 2},
                  "createdAt": "2022-03-12T23:20:50.52Z",
                  "metadata": {"description": "Thank you for your purchase at ShoeShop!", "externalRef": "INV2022-8943756"}
                }
              ]
            }
            """,
            Page.OUTGOING_PAYMENTS);
    assertThat(page.result())
        .extracting(OutgoingPayment::debitAmount)
        .containsExactly(Amount.of("2600", "USD", 2), Amount.of("7126", "USD", 2));
  }

  @Test
  void readWhenFailedAbsentThenFalseAndWrittenExplicitly() {
    OutgoingPayment payment =
        Json.read(
            """
            {"id":"https://rs/o/1","walletAddress":"https://rs/a","receiver":"https://rs/incoming-payments/1",
             "receiveAmount":{"value":"1","assetCode":"USD","assetScale":2},
             "debitAmount":{"value":"1","assetCode":"USD","assetScale":2},
             "sentAmount":{"value":"0","assetCode":"USD","assetScale":2},
             "createdAt":"2025-01-01T00:00:00Z","quoteId":"https://rs/quotes/1"}
            """,
            OutgoingPayment.class);
    assertThat(payment.failed()).isFalse();
    assertThat(Json.write(payment))
        .contains("\"quoteId\":\"https://rs/quotes/1\",\"failed\":false");
  }

  @Test
  void withGrantSpentWhenAddedThenCreateResponseForm() {
    OutgoingPayment payment =
        Json.read(
            """
            {"id":"https://rs/o/1","walletAddress":"https://rs/a","receiver":"https://rs/incoming-payments/1",
             "receiveAmount":{"value":"1","assetCode":"USD","assetScale":2},
             "debitAmount":{"value":"1","assetCode":"USD","assetScale":2},
             "sentAmount":{"value":"0","assetCode":"USD","assetScale":2},
             "createdAt":"2025-01-01T00:00:00Z"}
            """,
            OutgoingPayment.class);
    Amount zero = Amount.of("0", "USD", 2);
    assertThat(Json.write(payment.withGrantSpent(zero, zero)))
        .contains("\"grantSpentDebitAmount\":{\"value\":\"0\"")
        .contains("\"grantSpentReceiveAmount\":{\"value\":\"0\"");
  }

  @Test
  void roundTripWhenCreateRequestFromQuoteExampleThenFromQuote() {
    CreateOutgoingPaymentRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "quoteId": "https://ilp.interledger-test.dev/quotes/ab03296b-0c8b-4776-b94e-7ee27d868d4d",
              "metadata": {"externalRef": "INV2022-02-0137"}
            }
            """,
            CreateOutgoingPaymentRequest.class);
    assertThat(request).isInstanceOf(CreateOutgoingPaymentRequest.FromQuote.class);
    assertThat(((CreateOutgoingPaymentRequest.FromQuote) request).quoteId()).endsWith("868d4d");
    assertThat(request.metadata()).isEqualTo(Map.of("externalRef", "INV2022-02-0137"));
  }

  @Test
  void roundTripWhenCreateRequestFromIncomingPaymentExampleThenFromIncomingPayment() {
    CreateOutgoingPaymentRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "incomingPayment": "https://ilp.interledger-test.dev/incoming-payments/8d4e4776-2e55-4e5a-bcbe-8348ed1e86de",
              "debitAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "metadata": {"externalRef": "INV2022-02-0137"}
            }
            """,
            CreateOutgoingPaymentRequest.class);
    assertThat(request).isInstanceOf(CreateOutgoingPaymentRequest.FromIncomingPayment.class);
    assertThat(((CreateOutgoingPaymentRequest.FromIncomingPayment) request).debitAmount())
        .isEqualTo(Amount.of("2500", "USD", 2));
  }

  @Test
  void readWhenQuoteIdAndIncomingPaymentThenRejectedNotBoth() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"walletAddress\":\"https://w/a\",\"quoteId\":\"https://w/quotes/1\","
                        + "\"incomingPayment\":\"https://w/incoming-payments/1\"}",
                    CreateOutgoingPaymentRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void readWhenNeitherFormThenRejectedNamingBoth() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"walletAddress\":\"https://w/a\"}", CreateOutgoingPaymentRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("give quoteId, or incomingPayment with debitAmount");
  }

  @Test
  void readWhenIncomingPaymentWithoutDebitAmountThenMissingField() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"walletAddress\":\"https://w/a\","
                        + "\"incomingPayment\":\"https://w/incoming-payments/1\"}",
                    CreateOutgoingPaymentRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'debitAmount'");
  }

  @Test
  void readWhenNestedInAnotherRecordThenFormChosenToo() {
    record Wrapper(CreateOutgoingPaymentRequest request) {}
    Wrapper wrapper =
        Json.read(
            "{\"request\":{\"walletAddress\":\"https://w/a\",\"quoteId\":\"https://w/quotes/1\"}}",
            Wrapper.class);
    assertThat(wrapper.request()).isInstanceOf(CreateOutgoingPaymentRequest.FromQuote.class);
  }
}
