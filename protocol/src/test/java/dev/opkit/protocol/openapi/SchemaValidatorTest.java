package dev.opkit.protocol.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opkit.protocol.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidatorTest {
  private static final SchemaValidator VALIDATOR = SchemaValidator.create();

  private static final String INCOMING_PAYMENT_REQUEST =
      """
      {"walletAddress":"https://wallet.example/alice",\
      "incomingAmount":{"value":"2500","assetCode":"USD","assetScale":2},\
      "expiresAt":"2025-06-01T00:00:00.000Z","metadata":{"externalRef":"INV-1"}}""";

  private static final String OUTGOING_PAYMENT_REQUEST =
      """
      {"walletAddress":"https://wallet.example/alice",\
      "quoteId":"https://wallet.example/quotes/ab03296b-0c8b-4776-b94e-7ee27d868d4d",\
      "metadata":{"description":"March rent"}}""";

  private static final String INCOMING_PAYMENT =
      """
      {"id":"https://wallet.example/incoming-payments/016da9d5-c9a4-4c80-a354-86b915a04ff8",\
      "walletAddress":"https://wallet.example/alice",\
      "incomingAmount":{"value":"250","assetCode":"USD","assetScale":2},\
      "receivedAmount":{"value":"250","assetCode":"USD","assetScale":2},\
      "completed":true,"createdAt":"2025-03-12T23:20:50.520Z"}""";

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static List<SchemaViolation> createIncomingPayment(String body) {
    return VALIDATOR.validateRequestBody(
        Spec.RESOURCE_SERVER, "create-incoming-payment", json(body));
  }

  private static List<SchemaViolation> createQuote(String body) {
    return VALIDATOR.validateRequestBody(Spec.RESOURCE_SERVER, "create-quote", json(body));
  }

  @Test
  void validateRequestBodyWhenCreateIncomingPaymentIsValidThenNoViolations() {
    assertThat(createIncomingPayment(INCOMING_PAYMENT_REQUEST)).isEmpty();
  }

  @Test
  void validateRequestBodyWhenUnknownPropertyThenAdditionalPropertiesAtRoot() {
    List<SchemaViolation> violations =
        createIncomingPayment(
            """
            {"walletAddress":"https://wallet.example/alice","amount":"2500"}""");

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$");
              assertThat(v.keyword()).isEqualTo("additionalProperties");
              assertThat(v.message()).contains("'amount'");
              assertThat(v.schemaLocation())
                  .isEqualTo(
                      "classpath:openapi/resource-server.yaml#/paths/~1incoming-payments/post"
                          + "/requestBody/content/application~1json/schema/additionalProperties");
            });
  }

  @Test
  void validateRequestBodyWhenAmountValueIsNumberThenTypeAtValue() {
    List<SchemaViolation> violations =
        createIncomingPayment(
            """
            {"walletAddress":"https://wallet.example/alice",\
            "incomingAmount":{"value":2500,"assetCode":"USD","assetScale":2}}""");

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.incomingAmount.value");
              assertThat(v.keyword()).isEqualTo("type");
              assertThat(v.message()).contains("integer found, string expected");
              assertThat(v.schemaLocation())
                  .endsWith("#/components/schemas/amount/properties/value/type");
            });
  }

  @Test
  void validateRequestBodyWhenRequiredMembersMissingThenRequiredNamingEach() {
    List<SchemaViolation> violations =
        createIncomingPayment(
            """
            {"incomingAmount":{"value":"2500","assetCode":"USD"}}""");

    assertThat(violations)
        .extracting(SchemaViolation::toString)
        .containsExactlyInAnyOrder(
            "$ required: required property 'walletAddress' not found",
            "$.incomingAmount required: required property 'assetScale' not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "18446744073709551616", "12.50", "1e3", "", " 25"})
  void validateRequestBodyWhenAmountValueNotUint64ThenFormat(String value) {
    List<SchemaViolation> violations =
        createIncomingPayment(
            """
            {"walletAddress":"https://wallet.example/alice",\
            "incomingAmount":{"value":"%s","assetCode":"USD","assetScale":2}}"""
                .formatted(value));

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.incomingAmount.value");
              assertThat(v.keyword()).isEqualTo("format");
              assertThat(v.message())
                  .isEqualTo(
                      "\""
                          + value
                          + "\" is not an unsigned 64-bit integer written as a string of decimal"
                          + " digits (0 to 18446744073709551615)");
            });
  }

  @Test
  void validateRequestBodyWhenAmountValueIsLargestUint64ThenValid() {
    assertThat(
            createIncomingPayment(
                """
                {"walletAddress":"https://wallet.example/alice",\
                "incomingAmount":{"value":"18446744073709551615","assetCode":"USD","assetScale":2}}"""))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-06-01",
        "2025-06-01T00:00Z",
        "2025-06-01T00:00:00",
        "2025-13-01T00:00:00Z",
        "tomorrow"
      })
  void validateRequestBodyWhenExpiresAtNotRfc3339ThenFormat(String expiresAt) {
    List<SchemaViolation> violations =
        createIncomingPayment(
            """
            {"walletAddress":"https://wallet.example/alice","expiresAt":"%s"}"""
                .formatted(expiresAt));

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.expiresAt");
              assertThat(v.keyword()).isEqualTo("format");
              assertThat(v.message()).contains("is not an RFC 3339 date-time");
            });
  }

  @Test
  void validateRequestBodyWhenWalletAddressNotAbsoluteUriThenFormat() {
    assertThat(createIncomingPayment("{\"walletAddress\":\"alice\"}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.walletAddress");
              assertThat(v.keyword()).isEqualTo("format");
              assertThat(v.message())
                  .isEqualTo(
                      "\"alice\" is not an absolute URI (RFC 3986) such as https://wallet.example/alice");
            });
  }

  @Test
  void validateRequestBodyWhenQuoteReceiverIsNotAnIncomingPaymentUrlThenPattern() {
    List<SchemaViolation> violations =
        createQuote(
            """
            {"walletAddress":"https://wallet.example/alice",\
            "receiver":"https://wallet.example/bob","method":"ilp"}""");

    assertThat(violations)
        .anySatisfy(
            v -> {
              assertThat(v.location()).isEqualTo("$.receiver");
              assertThat(v.keyword()).isEqualTo("pattern");
            })
        .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("oneOf"));
  }

  @Test
  void validateRequestBodyWhenQuoteHasDebitAndReceiveAmountThenMatchesNoneOfTheOneOf() {
    List<SchemaViolation> violations =
        createQuote(
            """
            {"walletAddress":"https://wallet.example/alice",\
            "receiver":"https://wallet.example/incoming-payments/1","method":"ilp",\
            "debitAmount":{"value":"100","assetCode":"USD","assetScale":2},\
            "receiveAmount":{"value":"90","assetCode":"EUR","assetScale":2}}""");

    assertThat(violations)
        .first()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$");
              assertThat(v.keyword()).isEqualTo("oneOf");
              assertThat(v.message()).contains("but 0 are valid");
            });
    assertThat(violations)
        .filteredOn(v -> v.keyword().equals("additionalProperties"))
        .extracting(SchemaViolation::message)
        .containsOnly(
            "property 'debitAmount' is not defined in the schema and the schema does not allow"
                + " additional properties",
            "property 'receiveAmount' is not defined in the schema and the schema does not allow"
                + " additional properties");
  }

  @Test
  void validateRequestBodyWhenQuoteHasExactlyOneAmountOrNoneThenValid() {
    assertThat(
            createQuote(
                """
                {"walletAddress":"https://wallet.example/alice",\
                "receiver":"https://wallet.example/incoming-payments/1","method":"ilp",\
                "debitAmount":{"value":"100","assetCode":"USD","assetScale":2}}"""))
        .isEmpty();
    assertThat(
            createQuote(
                """
                {"walletAddress":"https://wallet.example/alice",\
                "receiver":"https://wallet.example/incoming-payments/1","method":"ilp"}"""))
        .isEmpty();
  }

  @Test
  void validateRequestBodyWhenOutgoingPaymentHasQuoteAndIncomingPaymentThenOneOf() {
    assertThat(
            VALIDATOR.validateRequestBody(
                Spec.RESOURCE_SERVER, "create-outgoing-payment", json(OUTGOING_PAYMENT_REQUEST)))
        .isEmpty();

    List<SchemaViolation> violations =
        VALIDATOR.validateRequestBody(
            Spec.RESOURCE_SERVER,
            "create-outgoing-payment",
            json(
                """
                {"walletAddress":"https://wallet.example/alice",\
                "quoteId":"https://wallet.example/quotes/1",\
                "incomingPayment":"https://wallet.example/incoming-payments/1",\
                "debitAmount":{"value":"100","assetCode":"USD","assetScale":2}}"""));

    assertThat(violations).first().extracting(SchemaViolation::keyword).isEqualTo("oneOf");
  }

  @Test
  void validateRequestBodyWhenGrantAccessItemHasUnknownMemberThenUnevaluatedProperties() {
    String grant =
        """
        {"access_token":{"access":[{"type":"incoming-payment","actions":["create","read"],\
        "identifier":"https://wallet.example/bob"%s}]},"client":"https://client.example"}""";

    assertThat(
            VALIDATOR.validateRequestBody(
                Spec.AUTH_SERVER, "post-request", json(grant.formatted(""))))
        .isEmpty();
    assertThat(
            VALIDATOR.validateRequestBody(
                Spec.AUTH_SERVER, "post-request", json(grant.formatted(",\"limits\":{}"))))
        .anySatisfy(
            v -> {
              assertThat(v.location()).isEqualTo("$.access_token.access[0]");
              assertThat(v.keyword()).isEqualTo("unevaluatedProperties");
              assertThat(v.message()).contains("'limits'");
            });
  }

  @Test
  void validateRequestBodyWhenRequiredBodyAbsentThenRequestBodyViolation() {
    assertThat(VALIDATOR.validateRequestBody(Spec.RESOURCE_SERVER, "create-incoming-payment", null))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.keyword()).isEqualTo("requestBody");
              assertThat(v.message())
                  .isEqualTo("create-incoming-payment requires a JSON request body");
            });
    assertThat(
            VALIDATOR.validateRequestBody(
                Spec.AUTH_SERVER, "post-continue", MissingNode.getInstance()))
        .isEmpty();
  }

  @Test
  void validateRequestBodyWhenOperationTakesNoBodyThenRequestBodyViolation() {
    assertThat(VALIDATOR.validateRequestBody(Spec.RESOURCE_SERVER, "get-quote", json("{}")))
        .singleElement()
        .extracting(SchemaViolation::message)
        .isEqualTo("get-quote declares no JSON request body");
  }

  @Test
  void validateResponseBodyWhenIncomingPaymentCompletedThenValidAndExtraMemberRejected() {
    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.RESOURCE_SERVER, "complete-incoming-payment", 200, json(INCOMING_PAYMENT)))
        .isEmpty();

    String withExtra = INCOMING_PAYMENT.replaceFirst("\\{", "{\"note\":\"x\",");
    List<SchemaViolation> violations =
        VALIDATOR.validateResponseBody(
            Spec.RESOURCE_SERVER, "complete-incoming-payment", 200, json(withExtra));

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.keyword()).isEqualTo("unevaluatedProperties");
              assertThat(v.message()).contains("'note'");
            });
  }

  @Test
  void validateResponseBodyWhenListItemsValidThenNoViolations() {
    String page =
        "{\"pagination\":{\"hasNextPage\":false,\"hasPreviousPage\":false},\"result\":["
            + INCOMING_PAYMENT
            + "]}";

    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.RESOURCE_SERVER, "list-incoming-payments", 200, json(page)))
        .isEmpty();
  }

  @Test
  void validateResponseBodyWhenErrorStatusThenErrorResponseSchemaApplies() {
    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.RESOURCE_SERVER,
                "create-incoming-payment",
                401,
                json("{\"error\":{\"code\":\"401\",\"description\":\"Unauthorized\"}}")))
        .isEmpty();
    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.RESOURCE_SERVER,
                "create-incoming-payment",
                403,
                json("{\"error\":{\"description\":\"Inactive Token\"}}")))
        .singleElement()
        .hasToString("$.error required: required property 'code' not found");
  }

  @Test
  void validateResponseBodyWhenAuthErrorHasNoCodeThenMatchesBothErrorSchemasOfTheOneOf() {
    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.AUTH_SERVER,
                "post-request",
                400,
                json("{\"error\":{\"description\":\"body fails the schema\"}}")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.keyword()).isEqualTo("oneOf");
              assertThat(v.message()).contains("but 2 are valid");
            });
  }

  @Test
  void validateResponseBodyWhenSpentAmountsAreNullThenValid() {
    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.RESOURCE_SERVER,
                "get-outgoing-payment-grant",
                200,
                json("{\"spentReceiveAmount\":null,\"spentDebitAmount\":null}")))
        .isEmpty();
  }

  @Test
  void validateResponseBodyWhenStatusNotDeclaredThenResponsesViolation() {
    assertThat(
            VALIDATOR.validateResponseBody(
                Spec.RESOURCE_SERVER, "get-quote", 500, json("{\"error\":{}}")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.keyword()).isEqualTo("responses");
              assertThat(v.message())
                  .isEqualTo(
                      "get-quote does not declare status 500 (declared: 200, 401, 403, 404)");
              assertThat(v.schemaLocation())
                  .isEqualTo("classpath:openapi/resource-server.yaml#/paths/~1quotes~1{id}/get");
            });
  }

  @Test
  void validateResponseBodyWhenNoContentDeclaredThenBodyMustBeAbsent() {
    assertThat(VALIDATOR.validateResponseBody(Spec.AUTH_SERVER, "delete-token", 204, null))
        .isEmpty();
    assertThat(VALIDATOR.validateResponseBody(Spec.AUTH_SERVER, "delete-token", 204, json("{}")))
        .singleElement()
        .extracting(SchemaViolation::keyword)
        .isEqualTo("content");
    assertThat(VALIDATOR.validateResponseBody(Spec.RESOURCE_SERVER, "get-quote", 200, null))
        .singleElement()
        .extracting(SchemaViolation::message)
        .isEqualTo("the 200 response of get-quote needs a JSON body");
  }

  @Test
  void validateWhenComponentSchemaThenCheckedAgainstIt() {
    assertThat(
            VALIDATOR.validate(
                Spec.RESOURCE_SERVER,
                "amount",
                json("{\"value\":\"1\",\"assetCode\":\"USD\",\"assetScale\":256}")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.assetScale");
              assertThat(v.keyword()).isEqualTo("maximum");
            });
    assertThat(
            VALIDATOR.validate(
                Spec.WALLET_ADDRESS_SERVER,
                "wallet-address",
                json(
                    """
                    {"id":"https://wallet.example/alice","assetCode":"USD","assetScale":2,\
                    "authServer":"https://auth.wallet.example","resourceServer":"https://wallet.example",\
                    "publicName":"Alice","extra":true}""")))
        .isEmpty();
  }

  @Test
  void validateWhenMisspeltKeywordThenItHasNoEffect() {
    assertThat(
            VALIDATOR.validate(
                Spec.RESOURCE_SERVER,
                "public-incoming-payment",
                json("{\"authServer\":\"https://auth.wallet.example\",\"anything\":1}")))
        .isEmpty();
  }

  @Test
  void validateWhenUnknownNamesThenIllegalArgumentListingKnownOnes() {
    assertThatThrownBy(
            () -> VALIDATOR.validateRequestBody(Spec.AUTH_SERVER, "create-grant", json("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth-server.yaml has no operation create-grant")
        .hasMessageContaining("post-request");
    assertThatThrownBy(() -> VALIDATOR.validate(Spec.AUTH_SERVER, "quote", json("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no components.schemas.quote");
  }

  @Test
  void validateWhenReadOnlyInRequestOrWriteOnlyInResponseThenViolation() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode empty = yaml.readTree("openapi: 3.1.0\npaths: {}\n");
    JsonNode things =
        yaml.readTree(
            """
            openapi: 3.1.0
            paths:
              /things:
                post:
                  operationId: create-thing
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/thing'
                  responses:
                    '201':
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/thing'
            components:
              schemas:
                thing:
                  type: object
                  properties:
                    id: {type: string, readOnly: true}
                    secret: {type: string, writeOnly: true}
            """);
    Map<Spec, JsonNode> documents = new EnumMap<>(Spec.class);
    documents.put(Spec.AUTH_SERVER, empty);
    documents.put(Spec.WALLET_ADDRESS_SERVER, empty);
    documents.put(Spec.RESOURCE_SERVER, things);
    SchemaValidator validator = SchemaValidator.create(OpenApiSpecs.fromDocuments(documents));
    JsonNode both = json("{\"id\":\"1\",\"secret\":\"s\"}");

    assertThat(validator.validateRequestBody(Spec.RESOURCE_SERVER, "create-thing", both))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.id");
              assertThat(v.keyword()).isEqualTo("readOnly");
            });
    assertThat(validator.validateResponseBody(Spec.RESOURCE_SERVER, "create-thing", 201, both))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo("$.secret");
              assertThat(v.keyword()).isEqualTo("writeOnly");
            });
    assertThat(validator.validate(Spec.RESOURCE_SERVER, "thing", both)).isEmpty();
  }

  @Test
  void validateWhenCalledFromManyThreadsThenEachCallSeesOnlyItsOwnBody() throws Exception {
    SchemaValidator shared = SchemaValidator.create();
    JsonNode valid = json(OUTGOING_PAYMENT_REQUEST);
    JsonNode invalid = json("{\"walletAddress\":\"https://wallet.example/alice\",\"quoteId\":7}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int task = 0; task < 8; task++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    boolean validOk =
                        shared
                            .validateRequestBody(
                                Spec.RESOURCE_SERVER, "create-outgoing-payment", valid)
                            .isEmpty();
                    boolean invalidCaught =
                        !shared
                            .validateRequestBody(
                                Spec.RESOURCE_SERVER, "create-outgoing-payment", invalid)
                            .isEmpty();
                    if (!validOk || !invalidCaught) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void validateRequestBodyWhenWarmThenATypicalOutgoingPaymentTakesWellUnderAMillisecond() {
    JsonNode body = json(OUTGOING_PAYMENT_REQUEST);
    for (int i = 0; i < 5_000; i++) {
      VALIDATOR.validateRequestBody(Spec.RESOURCE_SERVER, "create-outgoing-payment", body);
    }
    int runs = 5_000;
    long began = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      assertThat(
              VALIDATOR.validateRequestBody(Spec.RESOURCE_SERVER, "create-outgoing-payment", body))
          .isEmpty();
    }
    Duration perValidation = Duration.ofNanos((System.nanoTime() - began) / runs);

    assertThat(perValidation).isLessThan(Duration.ofMillis(1));
  }
}
