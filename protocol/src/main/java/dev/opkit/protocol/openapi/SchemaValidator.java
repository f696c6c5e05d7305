package dev.opkit.protocol.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks JSON request and response bodies against the Open Payments OpenAPI 3.1 documents (JSON
 * Schema 2020-12; OpenAPI 3.1 §4.8.24). Every schema of every operation and every component schema
 * is compiled once, when the validator is created; {@code $ref}s resolve inside the loaded
 * document. Build one and share it: validation is thread-safe.
 *
 * <p>Beyond plain JSON Schema: {@code format} is asserted, not just annotated ({@code uri}, {@code
 * date-time}, and the specs' own {@code uint64}); request bodies must not carry {@code readOnly}
 * properties and response bodies must not carry {@code writeOnly} ones (OpenAPI 3.1 §4.8.24.1);
 * {@code additionalProperties} beside a {@code $ref} is read as the SDK reads it (see {@link
 * RefSiblings}); the misspelt {@code unresolvedProperites} has no effect.
 */
public final class SchemaValidator {
  private static final ExecutionConfig REQUEST =
      ExecutionConfig.builder().formatAssertionsEnabled(true).readOnly(true).build();
  private static final ExecutionConfig RESPONSE =
      ExecutionConfig.builder().formatAssertionsEnabled(true).writeOnly(true).build();
  private static final ExecutionConfig COMPONENT =
      ExecutionConfig.builder().formatAssertionsEnabled(true).build();

  private final Map<Spec, Map<String, CompiledOperation>> operations;
  private final Map<Spec, Map<String, Schema>> components;

  private SchemaValidator(OpenApiSpecs specs) {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDialect(
            OpenPaymentsDialect.create(), builder -> builder.schemaRegistryConfig(config));
    Map<Spec, Map<String, CompiledOperation>> compiledOperations = new EnumMap<>(Spec.class);
    Map<Spec, Map<String, Schema>> compiledComponents = new EnumMap<>(Spec.class);
    for (Spec spec : Spec.values()) {
      JsonNode tree = RefSiblings.mergeIntoReferences(specs.document(spec));
      Schema document = registry.getSchema(SchemaLocation.of(spec.iri()), tree);
      compiledOperations.put(spec, compileOperations(specs, spec, document));
      compiledComponents.put(spec, compileComponents(specs, spec, document));
    }
    this.operations = Collections.unmodifiableMap(compiledOperations);
    this.components = Collections.unmodifiableMap(compiledComponents);
  }

  /** A validator for the bundled specs ({@link OpenApiSpecs#bundled()}). */
  public static SchemaValidator create() {
    return create(OpenApiSpecs.bundled());
  }

  /** A validator for the given specs; compiles every schema now. */
  public static SchemaValidator create(OpenApiSpecs specs) {
    return new SchemaValidator(specs);
  }

  /**
   * Checks a request body against the operation's {@code application/json} request schema.
   *
   * @param body the parsed body, or {@code null} (or a missing node) when the request has none
   * @return the violations, empty when the body is valid
   * @throws IllegalArgumentException if the document has no operation with that id
   */
  public List<SchemaViolation> validateRequestBody(Spec spec, String operationId, JsonNode body) {
    CompiledOperation operation = operation(spec, operationId);
    String where = operation.location();
    if (isAbsent(body)) {
      return operation.operation().requestBodyRequired()
          ? List.of(
              new SchemaViolation(
                  "$", "requestBody", operationId + " requires a JSON request body", where))
          : List.of();
    }
    if (operation.request().isEmpty()) {
      return List.of(
          new SchemaViolation(
              "$", "requestBody", operationId + " declares no JSON request body", where));
    }
    return validate(operation.request().get(), body, REQUEST);
  }

  /**
   * Checks a response body against the schema of the declared response covering the status (the
   * exact code, else its {@code 4XX} range, else {@code default}).
   *
   * @param body the parsed body, or {@code null} (or a missing node) when the response has none
   * @return the violations, empty when the body is valid; a status the operation does not declare
   *     is one violation with keyword {@code responses}
   * @throws IllegalArgumentException if the document has no operation with that id
   */
  public List<SchemaViolation> validateResponseBody(
      Spec spec, String operationId, int status, JsonNode body) {
    CompiledOperation operation = operation(spec, operationId);
    String where = operation.location();
    Optional<String> key = operation.operation().responseKey(status);
    if (key.isEmpty()) {
      return List.of(
          new SchemaViolation(
              "$",
              "responses",
              operationId
                  + " does not declare status "
                  + status
                  + " (declared: "
                  + String.join(", ", operation.operation().responses().keySet())
                  + ")",
              where));
    }
    Optional<Schema> schema = operation.responses().get(key.get());
    if (schema.isEmpty()) {
      return isAbsent(body)
          ? List.of()
          : List.of(
              new SchemaViolation(
                  "$",
                  "content",
                  "the " + key.get() + " response of " + operationId + " declares no body",
                  where));
    }
    if (isAbsent(body)) {
      return List.of(
          new SchemaViolation(
              "$",
              "content",
              "the " + key.get() + " response of " + operationId + " needs a JSON body",
              where));
    }
    return validate(schema.get(), body, RESPONSE);
  }

  /**
   * Checks a JSON value against a schema under {@code components.schemas}, with neither {@code
   * readOnly} nor {@code writeOnly} enforced.
   *
   * @param componentSchemaName e.g. {@code amount}, {@code incoming-payment}
   * @throws IllegalArgumentException if the document has no such schema
   */
  public List<SchemaViolation> validate(Spec spec, String componentSchemaName, JsonNode node) {
    Schema schema = components.get(spec).get(componentSchemaName);
    if (schema == null) {
      throw new IllegalArgumentException(
          spec.fileName()
              + " has no components.schemas."
              + componentSchemaName
              + "; it has "
              + String.join(", ", components.get(spec).keySet()));
    }
    return validate(schema, node, COMPONENT);
  }

  private CompiledOperation operation(Spec spec, String operationId) {
    CompiledOperation operation = operations.get(spec).get(operationId);
    if (operation == null) {
      throw new IllegalArgumentException(
          spec.fileName()
              + " has no operation "
              + operationId
              + "; it has "
              + String.join(", ", operations.get(spec).keySet()));
    }
    return operation;
  }

  private static List<SchemaViolation> validate(
      Schema schema, JsonNode node, ExecutionConfig config) {
    List<Error> errors = schema.validate(node, context -> context.setExecutionConfig(config));
    if (errors.isEmpty()) {
      return List.of();
    }
    // Applicators such as oneOf report the same failure of a shared subschema once per branch.
    Set<SchemaViolation> violations = new LinkedHashSet<>();
    for (Error error : errors) {
      violations.add(ViolationMessages.toViolation(error));
    }
    return List.copyOf(violations);
  }

  private static boolean isAbsent(JsonNode body) {
    return body == null || body.isMissingNode();
  }

  private static Map<String, CompiledOperation> compileOperations(
      OpenApiSpecs specs, Spec spec, Schema document) {
    Map<String, CompiledOperation> compiled = new LinkedHashMap<>();
    for (ApiOperation operation : specs.operations(spec)) {
      Optional<Schema> request = operation.requestBodySchema().map(p -> compile(spec, document, p));
      Map<String, Optional<Schema>> responses = new LinkedHashMap<>();
      operation
          .responses()
          .forEach(
              (status, pointer) ->
                  responses.put(status, pointer.map(p -> compile(spec, document, p))));
      String location =
          spec.iri()
              + "#"
              + JsonPointer.compile("/paths")
                  .appendProperty(operation.path())
                  .appendProperty(operation.method().toLowerCase(Locale.ROOT));
      compiled.put(
          operation.operationId(),
          new CompiledOperation(
              operation, location, request, Collections.unmodifiableMap(responses)));
    }
    return Collections.unmodifiableMap(compiled);
  }

  private static Map<String, Schema> compileComponents(
      OpenApiSpecs specs, Spec spec, Schema document) {
    Map<String, Schema> compiled = new LinkedHashMap<>();
    JsonPointer schemas = JsonPointer.compile("/components/schemas");
    for (String name : specs.schemaNames(spec)) {
      compiled.put(name, compile(spec, document, schemas.appendProperty(name).toString()));
    }
    return Collections.unmodifiableMap(compiled);
  }

  private static Schema compile(Spec spec, Schema document, String pointer) {
    Schema schema =
        document.getRefSchema(SchemaLocation.of(spec.iri() + "#" + pointer).getFragment());
    schema.initializeValidators();
    return schema;
  }

  /** An operation with its schemas compiled. */
  private record CompiledOperation(
      ApiOperation operation,
      String location,
      Optional<Schema> request,
      Map<String, Optional<Schema>> responses) {}
}
