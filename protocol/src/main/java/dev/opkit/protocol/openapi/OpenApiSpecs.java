package dev.opkit.protocol.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The three official Open Payments OpenAPI 3.1 documents (1.3.0), read once from the classpath, and
 * an index of their operations by {@code operationId} across paths and methods (OpenAPI 3.1
 * §4.8.10). Immutable and thread-safe.
 */
public final class OpenApiSpecs {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String JSON = "application/json";

  private final Map<Spec, JsonNode> documents;
  private final Map<Spec, Map<String, ApiOperation>> operations;

  private OpenApiSpecs(Map<Spec, JsonNode> documents) {
    this.documents = documents;
    Map<Spec, Map<String, ApiOperation>> index = new EnumMap<>(Spec.class);
    documents.forEach((spec, document) -> index.put(spec, indexOperations(spec, document)));
    this.operations = Collections.unmodifiableMap(index);
  }

  /** The bundled documents, read from the classpath on first use and shared afterwards. */
  public static OpenApiSpecs bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Specs made from other documents than the bundled ones, to exercise rules the bundled documents
   * have no case of; every {@link Spec} needs a document.
   */
  static OpenApiSpecs fromDocuments(Map<Spec, JsonNode> documents) {
    Map<Spec, JsonNode> copies = new EnumMap<>(Spec.class);
    for (Spec spec : Spec.values()) {
      JsonNode document = documents.get(spec);
      if (document == null) {
        throw new IllegalArgumentException("no document for " + spec);
      }
      copies.put(spec, document.deepCopy());
    }
    return new OpenApiSpecs(Collections.unmodifiableMap(copies));
  }

  /** The operations of a document, in document order. */
  public List<ApiOperation> operations(Spec spec) {
    return List.copyOf(operations.get(spec).values());
  }

  /** The operation with the given {@code operationId}, if the document declares it. */
  public Optional<ApiOperation> operation(Spec spec, String operationId) {
    return Optional.ofNullable(operations.get(spec).get(operationId));
  }

  /** The names under {@code components.schemas}, in document order. */
  public Set<String> schemaNames(Spec spec) {
    Set<String> names = new LinkedHashSet<>();
    documents
        .get(spec)
        .path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(names::add);
    return Collections.unmodifiableSet(names);
  }

  /** A copy of the whole document as a JSON tree. */
  public JsonNode document(Spec spec) {
    return documents.get(spec).deepCopy();
  }

  private static Map<String, ApiOperation> indexOperations(Spec spec, JsonNode document) {
    Map<String, ApiOperation> index = new LinkedHashMap<>();
    JsonPointer paths = JsonPointer.compile("/paths");
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (String method : METHODS) {
        if (!path.getValue().has(method)) {
          continue;
        }
        JsonPointer at = paths.appendProperty(path.getKey()).appendProperty(method);
        ApiOperation parsed = operation(spec, document, path.getKey(), method, at);
        if (index.put(parsed.operationId(), parsed) != null) {
          throw new IllegalStateException(
              spec.fileName() + " declares operationId " + parsed.operationId() + " twice");
        }
      }
    }
    return Collections.unmodifiableMap(index);
  }

  private static ApiOperation operation(
      Spec spec, JsonNode document, String path, String method, JsonPointer at) {
    JsonNode operation = document.at(at);
    String operationId = operation.path("operationId").asText();
    if (operationId.isEmpty()) {
      throw new IllegalStateException(
          spec.fileName() + ": " + method + " " + path + " has no operationId");
    }
    Optional<String> requestSchema = Optional.empty();
    boolean requestRequired = false;
    if (operation.has("requestBody")) {
      JsonPointer requestBody = resolve(spec, document, at.appendProperty("requestBody"));
      requestSchema = jsonSchema(document, requestBody);
      requestRequired = document.at(requestBody).path("required").asBoolean(false);
    }
    Map<String, Optional<String>> responses = new LinkedHashMap<>();
    JsonPointer responsesAt = at.appendProperty("responses");
    operation
        .path("responses")
        .fieldNames()
        .forEachRemaining(
            status ->
                responses.put(
                    status,
                    jsonSchema(
                        document, resolve(spec, document, responsesAt.appendProperty(status)))));
    return new ApiOperation(
        spec,
        operationId,
        method.toUpperCase(Locale.ROOT),
        path,
        requestSchema,
        requestRequired,
        responses,
        requiredHeaders(spec, document, at));
  }

  /**
   * The required header parameters of an operation: its own, then its path's that it does not
   * redefine (OpenAPI 3.1 §4.8.9: a parameter is identified by name and location; header names are
   * case-insensitive).
   */
  private static List<String> requiredHeaders(Spec spec, JsonNode document, JsonPointer at) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonPointer level : List.of(at, at.head())) {
      JsonPointer parameters = level.appendProperty("parameters");
      JsonNode list = document.at(parameters);
      for (int i = 0; i < list.size(); i++) {
        JsonNode parameter = document.at(resolve(spec, document, parameters.appendIndex(i)));
        if ("header".equals(parameter.path("in").asText())) {
          byName.putIfAbsent(parameter.path("name").asText().toLowerCase(Locale.ROOT), parameter);
        }
      }
    }
    return byName.values().stream()
        .filter(parameter -> parameter.path("required").asBoolean(false))
        .map(parameter -> parameter.path("name").asText())
        .toList();
  }

  /**
   * Follows a local {@code $ref} on the object at the pointer, as request bodies and responses may
   * use.
   */
  private static JsonPointer resolve(Spec spec, JsonNode document, JsonPointer at) {
    JsonNode reference = document.at(at).get("$ref");
    if (reference == null) {
      return at;
    }
    String target = reference.asText();
    if (!target.startsWith("#/")) {
      throw new IllegalStateException(
          spec.fileName() + at + " refers to " + target + ", outside the document");
    }
    JsonPointer resolved = JsonPointer.compile(target.substring(1));
    if (document.at(resolved).isMissingNode()) {
      throw new IllegalStateException(spec.fileName() + at + " refers to missing " + target);
    }
    return resolve(spec, document, resolved);
  }

  private static Optional<String> jsonSchema(JsonNode document, JsonPointer message) {
    JsonPointer schema =
        message.appendProperty("content").appendProperty(JSON).appendProperty("schema");
    return document.at(schema).isMissingNode() ? Optional.empty() : Optional.of(schema.toString());
  }

  private static JsonNode read(Spec spec) {
    YAMLMapper yaml = new YAMLMapper();
    try (InputStream in =
        OpenApiSpecs.class.getClassLoader().getResourceAsStream(spec.resourcePath())) {
      if (in == null) {
        throw new IllegalStateException(spec.resourcePath() + " is missing from the classpath");
      }
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.resourcePath(), e);
    }
  }

  /** Holds the bundled documents; the JVM loads this class, and reads them, on first use. */
  private static final class Bundled {
    private static final OpenApiSpecs INSTANCE = load();

    private static OpenApiSpecs load() {
      Map<Spec, JsonNode> documents = new EnumMap<>(Spec.class);
      for (Spec spec : Spec.values()) {
        documents.put(spec, read(spec));
      }
      return new OpenApiSpecs(Collections.unmodifiableMap(documents));
    }
  }
}
