package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource-server spec's incoming payment examples. */
class IncomingPaymentTest {

  @Test
  void roundTripWhenCreatedWithMethodsExampleThenSameJson() {
    IncomingPayment payment =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/incoming-payments/08394f02-7b7b-45e2-b645-51d04e7c330c",
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "incomingAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "receivedAmount": {"value": "0", "assetCode": "USD", "assetScale": 2},
              "completed": false,
              "expiresAt": "2022-02-03T23:20:50.52Z",
              "metadata": {"externalRef": "INV2022-02-0137"},
              "createdAt": "2022-03-12T23:20:50.52Z",
              "methods": [
                {
                  "type": "ilp",
                  "ilpAddress": "g.ilp.iwuyge987y.98y08y",
                  "sharedSecret": "1c7eaXa4rd2fFOBl1iydvCT1tV5TbM3RW1WLCafu_JA"
                }
              ]
            }
            """,
            IncomingPayment.class);
    assertThat(payment.expiresAt()).isEqualTo(Instant.parse("2022-02-03T23:20:50.520Z"));
    assertThat(payment.metadata()).containsEntry("externalRef", "INV2022-02-0137");
    assertThat(payment.methods())
        .containsExactly(
            IlpPaymentMethod.ilp(
                "g.ilp.iwuyge987y.98y08y", "1c7eaXa4rd2fFOBl1iydvCT1tV5TbM3RW1WLCafu_JA"));
    assertThat(payment.receivedAmount().isZero()).isTrue();
  }

  @Test
  void roundTripWhenGetExampleThenSameJson() {
    IncomingPayment payment =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/incoming-payments/2f1b0150-db73-49e8-8713-628baa4a17ff",
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "incomingAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "receivedAmount": {"value": "1234", "assetCode": "USD", "assetScale": 2},
              "completed": false,
              "expiresAt": "2022-04-12T23:20:50.52Z",
              "createdAt": "2022-03-12T23:20:50.52Z",
              "metadata": {"description": "Thanks for the flowers!", "externalRef": "INV-12876"},
              "methods": [
                {
                  "type": "ilp",
                  "ilpAddress": "g.ilp.iwuyge987y.98y08y",
                  "sharedSecret": "1c7eaXa4rd2fFOBl1iydvCT1tV5TbM3RW1WLCafu_JA"
                }
              ]
            }
            """,
            IncomingPayment.class);
    assertThat(payment.receivedAmount().value()).isEqualTo(1234);
  }

  @Test
  void roundTripWhenCompletedExampleThenNoMethodsKey() {
    IncomingPayment payment =
        RoundTrip.assertRoundTrip(
            """
            {
              "id": "https://ilp.interledger-test.dev/incoming-payments/016da9d5-c9a4-4c80-a354-86b915a04ff8",
              "walletAddress": "https://ilp.interledger-test.dev/alice/",
              "incomingAmount": {"value": "250", "assetCode": "USD", "assetScale": 2},
              "receivedAmount": {"value": "250", "assetCode": "USD", "assetScale": 2},
              "completed": true,
              "expiresAt": "2022-04-12T23:20:50.52Z",
              "createdAt": "2022-03-12T23:20:50.52Z",
              "metadata": {
                "description": "Hi Mo, this is for the cappuccino I bought for you the other day.",
                "externalRef": "Coffee w/ Mo on 10 March 2"
              }
            }
            """,
            IncomingPayment.class);
    assertThat(payment.completed()).isTrue();
    assertThat(payment.methods()).isNull();
    assertThat(Json.write(payment)).doesNotContain("methods");
  }

  @Test
  void roundTripWhenListForwardPaginationExampleThenPage() {
    Page<IncomingPayment> page =
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
                  "id": "https://ilp.interledger-test.dev/incoming-payments/016da9d5-c9a4-4c80-a354-86b915a04ff8",
                  "walletAddress": "https://ilp.interledger-test.dev/alice/",
                  "incomingAmount": {"value": "250", "assetCode": "USD", "assetScale": 2},
                  "receivedAmount": {"value": "250", "assetCode": "USD", "assetScale": 2},
                  "metadata": {
                    "description": "Hi Mo, this is for the cappuccino I bought for you the other day.",
                    "externalRef": "Coffee w/ Mo on 10 March 22"
                  },
                  "expiresAt": "2022-04-12T23:20:50.52Z",
                  "createdAt": "2022-03-12T23:20:50.52Z",
                  "completed": true
                },
                {
                  "id": "https://ilp.interledger-test.dev/incoming-payments/32abc219-3dc3-44ec-a225-790cacfca8fa",
                  "walletAddress": "https://ilp.interledger-test.dev/alice/",
                  "receivedAmount": {"value": "100", "assetCode": "USD", "assetScale": 2},
                  "expiresAt": "2022-04-12T23:20:50.52Z",
                  "createdAt": "2022-03-12T23:20:50.52Z",
                  "metadata": {"description": "I love your website, Alice! Thanks for the great content"},
                  "completed": false
                }
              ]
            }
            """,
            Page.INCOMING_PAYMENTS);
    assertThat(page.pagination().hasNextPage()).isTrue();
    assertThat(page.pagination().hasPreviousPage()).isFalse();
    assertThat(page.result()).hasSize(2);
    assertThat(page.result().get(1).incomingAmount()).isNull();
  }

  @Test
  void roundTripWhenListBackwardPaginationExampleThenPage() {
    Page<IncomingPayment> page =
        RoundTrip.assertRoundTrip(
            """
            {
              "pagination": {
                "startCursor": "241de237-f989-42be-926d-c0c1fca57708",
                "endCursor": "315581f8-9967-45a0-9cd3-87b60b6d6414",
                "hasPreviousPage": true,
                "hasNextPage": false
              },
              "result": [
                {
                  "id": "https://ilp.interledger-test.dev/incoming-payments/32abc219-3dc3-44ec-a225-790cacfca8fa",
                  "walletAddress": "https://ilp.interledger-test.dev/alice/",
                  "receivedAmount": {"value": "100", "assetCode": "USD", "assetScale": 2},
                  "completed": true,
                  "expiresAt": "2022-04-12T23:20:50.52Z",
                  "createdAt": "2022-03-12T23:20:50.52Z",
                  "metadata": {"description": "I love your website, Alice! Thanks for the great content"}
                }
              ]
            }
            """,
            Page.INCOMING_PAYMENTS);
    assertThat(page.pagination().hasPreviousPage()).isTrue();
  }

  @Test
  void writeWhenEmptyPageThenCursorsOmittedFlagsKept() {
    Page<IncomingPayment> empty = new Page<>(new PageInfo(null, null, false, false), List.of());
    assertThat(Json.write(empty))
        .isEqualTo(
            "{\"pagination\":{\"hasNextPage\":false,\"hasPreviousPage\":false},\"result\":[]}");
  }

  @Test
  void readWhenPageInfoFlagMissingThenRejected() {
    assertThatThrownBy(() -> Json.read("{\"hasNextPage\":true}", PageInfo.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("hasPreviousPage");
  }

  @Test
  void roundTripWhenPublicIncomingPaymentExamplesThenSameJson() {
    PublicIncomingPayment withAmount =
        RoundTrip.assertRoundTrip(
            """
            {
              "receivedAmount": {"value": "0", "assetCode": "USD", "assetScale": 2},
              "authServer": "https://auth.ilp.interledger-test.dev"
            }
            """,
            PublicIncomingPayment.class);
    assertThat(withAmount.receivedAmount().isZero()).isTrue();
    PublicIncomingPayment onlyAuthServer =
        RoundTrip.assertRoundTrip(
            "{\"authServer\": \"https://auth.ilp.interledger-test.dev\"}",
            PublicIncomingPayment.class);
    assertThat(onlyAuthServer.receivedAmount()).isNull();
  }

  @Test
  void roundTripWhenCreateRequestExampleThenSameJson() {
    CreateIncomingPaymentRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "walletAddress": "https://openpayments.guide/alice/",
              "incomingAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "metadata": {"externalRef": "INV2022-02-0137"}
            }
            """,
            CreateIncomingPaymentRequest.class);
    assertThat(request.expiresAt()).isNull();
  }

  @Test
  void writeWhenCreateRequestWithExpiryThenToIsoStringTimestamp() {
    CreateIncomingPaymentRequest request =
        new CreateIncomingPaymentRequest(
            "https://wallet.example/alice", null, Instant.parse("2025-01-01T00:00:00Z"), null);
    assertThat(Json.write(request))
        .isEqualTo(
            "{\"walletAddress\":\"https://wallet.example/alice\","
                + "\"expiresAt\":\"2025-01-01T00:00:00.000Z\"}");
  }

  @Test
  void metadataWhenNestedAndCallerMutatesSourceThenRecordUnchangedAndUnmodifiable() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("tag", "a");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("nested", inner);
    metadata.put("list", new java.util.ArrayList<>(List.of(1, 2)));
    metadata.put("nothing", null);
    CreateIncomingPaymentRequest request =
        new CreateIncomingPaymentRequest("https://w/a", null, null, metadata);
    inner.put("tag", "changed");
    metadata.put("late", true);
    assertThat(request.metadata()).containsOnlyKeys("nested", "list", "nothing");
    assertThat(request.metadata().get("nested")).isEqualTo(Map.of("tag", "a"));
    assertThatThrownBy(() -> request.metadata().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) request.metadata().get("list");
    assertThatThrownBy(() -> list.add(3)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Json.write(request)).contains("\"nothing\":null");
  }

  @Test
  void withoutMethodsWhenWithMethodsPaymentThenPlainForm() {
    IncomingPayment payment =
        new IncomingPayment(
            "https://rs/incoming-payments/1",
            "https://rs/alice",
            false,
            null,
            Amount.of("0", "USD", 2),
            null,
            null,
            Instant.parse("2025-01-01T00:00:00Z"),
            List.of());
    assertThat(Json.write(payment)).contains("\"methods\":[]");
    assertThat(Json.write(payment.withoutMethods())).doesNotContain("methods");
  }

  @Test
  void readWhenRequiredFieldMissingThenMissingFieldNamed() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"id\":\"https://rs/i/1\",\"walletAddress\":\"https://rs/a\","
                        + "\"completed\":false,\"createdAt\":\"2025-01-01T00:00:00Z\"}",
                    IncomingPayment.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("incoming payment: the required field 'receivedAmount'");
  }
}
