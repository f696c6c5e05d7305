package dev.opkit.protocol.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenApiSpecsTest {
  private final OpenApiSpecs specs = OpenApiSpecs.bundled();

  @Test
  void bundledWhenCalledTwiceThenSameInstance() {
    assertThat(OpenApiSpecs.bundled()).isSameAs(specs);
  }

  @Test
  void operationsWhenResourceServerThenEveryOperationIdAcrossPathsAndMethods() {
    assertThat(specs.operations(Spec.RESOURCE_SERVER))
        .extracting(ApiOperation::operationId)
        .containsExactlyInAnyOrder(
            "create-incoming-payment",
            "list-incoming-payments",
            "create-outgoing-payment",
            "list-outgoing-payments",
            "create-quote",
            "get-incoming-payment",
            "complete-incoming-payment",
            "get-outgoing-payment",
            "get-quote",
            "get-outgoing-payment-grant");
    assertThat(specs.operations(Spec.AUTH_SERVER))
        .extracting(ApiOperation::operationId)
        .containsExactlyInAnyOrder(
            "post-request", "post-continue", "delete-continue", "post-token", "delete-token");
    assertThat(specs.operations(Spec.WALLET_ADDRESS_SERVER))
        .extracting(ApiOperation::operationId)
        .containsExactlyInAnyOrder(
            "get-wallet-address", "get-wallet-address-keys", "get-wallet-address-did-document");
  }

  @Test
  void operationWhenCreateIncomingPaymentThenMethodPathAndRequiredBodySchema() {
    ApiOperation operation =
        specs.operation(Spec.RESOURCE_SERVER, "create-incoming-payment").orElseThrow();

    assertThat(operation.method()).isEqualTo("POST");
    assertThat(operation.path()).isEqualTo("/incoming-payments");
    assertThat(operation.requestBodyRequired()).isTrue();
    assertThat(operation.requestBodySchema())
        .contains("/paths/~1incoming-payments/post/requestBody/content/application~1json/schema");
  }

  @Test
  void operationWhenResponseIsReferenceThenSchemaPointerFollowsIt() {
    ApiOperation operation = specs.operation(Spec.RESOURCE_SERVER, "get-quote").orElseThrow();

    assertThat(operation.responses())
        .containsEntry(
            "401", Optional.of("/components/responses/401/content/application~1json/schema"))
        .containsKeys("200", "403", "404");
  }

  @Test
  void operationWhenResponseHasNoContentThenDeclaredWithoutSchema() {
    ApiOperation operation = specs.operation(Spec.AUTH_SERVER, "delete-token").orElseThrow();

    assertThat(operation.requestBodySchema()).isEmpty();
    assertThat(operation.responses()).containsEntry("204", Optional.empty());
    assertThat(operation.responseKey(204)).contains("204");
    assertThat(operation.responseKey(418)).isEmpty();
  }

  @Test
  void requiredHeadersWhenSignedOperationThenSignatureHeadersFromReferencedParameters() {
    assertThat(
            specs
                .operation(Spec.RESOURCE_SERVER, "create-incoming-payment")
                .orElseThrow()
                .requiredHeaders())
        .containsExactly("Signature-Input", "Signature");
    assertThat(
            specs
                .operation(Spec.RESOURCE_SERVER, "get-outgoing-payment-grant")
                .orElseThrow()
                .requiredHeaders())
        .containsExactly("Signature-Input", "Signature");
  }

  @Test
  void requiredHeadersWhenSignatureOptionalOrNoHeadersThenNone() {
    assertThat(
            specs
                .operation(Spec.RESOURCE_SERVER, "get-incoming-payment")
                .orElseThrow()
                .requiredHeaders())
        .isEmpty();
    assertThat(specs.operation(Spec.AUTH_SERVER, "post-request").orElseThrow().requiredHeaders())
        .isEmpty();
  }

  @Test
  void requiredHeadersWhenPathDeclaresThemThenOperationRedefinitionWins() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode empty = yaml.readTree("openapi: 3.1.0\npaths: {}\n");
    JsonNode things =
        yaml.readTree(
            """
            openapi: 3.1.0
            paths:
              /things:
                parameters:
                  - {name: X-Tenant, in: header, required: true}
                  - {name: X-Trace, in: header, required: true}
                  - {name: limit, in: query, required: true}
                get:
                  operationId: list-things
                  parameters:
                    - {name: x-trace, in: header, required: false}
                    - $ref: '#/components/parameters/sig'
                  responses: {'200': {description: ok}}
            components:
              parameters:
                sig: {name: Signature, in: header, required: true}
            """);
    Map<Spec, JsonNode> documents = new EnumMap<>(Spec.class);
    documents.put(Spec.AUTH_SERVER, empty);
    documents.put(Spec.WALLET_ADDRESS_SERVER, empty);
    documents.put(Spec.RESOURCE_SERVER, things);

    assertThat(
            OpenApiSpecs.fromDocuments(documents)
                .operation(Spec.RESOURCE_SERVER, "list-things")
                .orElseThrow()
                .requiredHeaders())
        .containsExactly("Signature", "X-Tenant");
  }

  @Test
  void operationWhenUnknownIdThenEmpty() {
    assertThat(specs.operation(Spec.AUTH_SERVER, "create-incoming-payment")).isEmpty();
  }

  @Test
  void schemaNamesWhenResourceServerThenComponentSchemasInDocumentOrder() {
    assertThat(specs.schemaNames(Spec.RESOURCE_SERVER))
        .startsWith("amount", "walletAddress", "receiver")
        .contains("outgoing-payment-with-spent-amounts", "error-response");
  }

  @Test
  void documentWhenModifiedThenBundledCopyUnchanged() {
    ((ObjectNode) specs.document(Spec.AUTH_SERVER)).remove("paths");

    assertThat(specs.document(Spec.AUTH_SERVER).has("paths")).isTrue();
    assertThat(specs.document(Spec.AUTH_SERVER).path("info").path("version").asText())
        .isEqualTo("1.3.0");
  }
}
