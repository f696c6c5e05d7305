package dev.opkit.protocol.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Validates every example the spec authors put in the three documents (request bodies, responses
 * and component schemas) against the schema it illustrates.
 */
class OpenApiExamplesTest {
  private static final OpenApiSpecs SPECS = OpenApiSpecs.bundled();
  private static final SchemaValidator VALIDATOR = SchemaValidator.create(SPECS);

  /**
   * Examples that break their own schema in the bundled 1.3.0 files, each with a fragment of the
   * violation it must keep producing. Each is a slip in the spec, not a validator fault.
   */
  private static final Map<String, String> KNOWN_BAD =
      Map.of(
          // Placeholder values: type "string" is not the enum value "ilp", and "string" is no ILP
          // address.
          "resource-server.yaml components.schemas.ilp-payment-method example 0",
          "$.type enum",
          // Second example omits the required `completed`.
          "resource-server.yaml components.schemas.incoming-payment example 1",
          "required property 'completed'",
          // Receiver URL lacks /incoming-payments/ and the required receiveAmount is missing.
          "resource-server.yaml components.schemas.outgoing-payment example 1",
          "$.receiver pattern",
          // Shows only receivedAmount, but authServer is required.
          "resource-server.yaml components.schemas.public-incoming-payment example 0",
          "required property 'authServer'",
          // A quote has no sentAmount and forbids additional properties.
          "resource-server.yaml components.schemas.quote example 0",
          "property 'sentAmount'",
          // Same, and the required receiveAmount is missing.
          "resource-server.yaml components.schemas.quote example 1",
          "property 'sentAmount'",
          // Both examples of the wallet address server's JWK omit the required alg.
          "wallet-address-server.yaml components.schemas.json-web-key example 0",
          "required property 'alg'",
          "wallet-address-server.yaml components.schemas.json-web-key example 1",
          "required property 'alg'");

  @TestFactory
  Stream<DynamicTest> everyExampleValidatesUnlessKnownBad() {
    List<Example> examples = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      collectOperationExamples(spec, examples);
      collectComponentExamples(spec, examples);
    }
    assertThat(examples).hasSizeGreaterThan(40);
    return examples.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.name(),
                    () -> {
                      List<SchemaViolation> violations = example.validation().get();
                      if (KNOWN_BAD.containsKey(example.name())) {
                        assertThat(violations)
                            .as(example.name())
                            .isNotEmpty()
                            .anySatisfy(
                                v ->
                                    assertThat(v.toString())
                                        .contains(KNOWN_BAD.get(example.name())));
                      } else {
                        assertThat(violations).as(example.name()).isEmpty();
                      }
                    }));
  }

  private static void collectOperationExamples(Spec spec, List<Example> examples) {
    JsonNode document = SPECS.document(spec);
    for (ApiOperation operation : SPECS.operations(spec)) {
      operation
          .requestBodySchema()
          .ifPresent(
              schema ->
                  examplesNextTo(document, schema)
                      .forEach(
                          (name, value) ->
                              examples.add(
                                  new Example(
                                      spec.fileName()
                                          + " "
                                          + operation.operationId()
                                          + " request: "
                                          + name,
                                      () ->
                                          VALIDATOR.validateRequestBody(
                                              spec, operation.operationId(), value)))));
      operation
          .responses()
          .forEach(
              (status, schema) ->
                  schema.ifPresent(
                      pointer ->
                          examplesNextTo(document, pointer)
                              .forEach(
                                  (name, value) ->
                                      examples.add(
                                          new Example(
                                              spec.fileName()
                                                  + " "
                                                  + operation.operationId()
                                                  + " "
                                                  + status
                                                  + ": "
                                                  + name,
                                              () ->
                                                  VALIDATOR.validateResponseBody(
                                                      spec,
                                                      operation.operationId(),
                                                      Integer.parseInt(status),
                                                      value))))));
    }
  }

  private static void collectComponentExamples(Spec spec, List<Example> examples) {
    JsonNode schemas = SPECS.document(spec).path("components").path("schemas");
    for (String name : SPECS.schemaNames(spec)) {
      JsonNode values = schemas.path(name).path("examples");
      for (int i = 0; i < values.size(); i++) {
        JsonNode value = values.get(i);
        examples.add(
            new Example(
                spec.fileName() + " components.schemas." + name + " example " + i,
                () -> VALIDATOR.validate(spec, name, value)));
      }
    }
  }

  /** The named examples of the media type object holding the schema, with $refs followed. */
  private static Map<String, JsonNode> examplesNextTo(JsonNode document, String schemaPointer) {
    JsonNode examples = document.at(JsonPointer.compile(schemaPointer).head()).path("examples");
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> example : examples.properties()) {
      JsonNode node = example.getValue();
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        node = document.at(ref.asText().substring(1));
      }
      values.put(example.getKey(), Optional.ofNullable(node.get("value")).orElseThrow());
    }
    return values;
  }

  private record Example(String name, Supplier<List<SchemaViolation>> validation) {}
}
