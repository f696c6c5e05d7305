package dev.opkit.protocol.openapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of an OpenAPI document (OpenAPI 3.1 §4.8.10), reduced to what request validation
 * needs: where the JSON schemas of its request and response bodies sit in the document, and which
 * headers it requires.
 *
 * @param spec the document declaring it
 * @param operationId e.g. {@code create-incoming-payment}
 * @param method the HTTP method in upper case
 * @param path the path template, e.g. {@code /incoming-payments/{id}}
 * @param requestBodySchema JSON pointer to the schema of the {@code application/json} request body,
 *     empty when the operation declares none
 * @param requestBodyRequired whether the operation requires a request body
 * @param responses every declared response by its status key ({@code 201}, {@code 4XX}, {@code
 *     default}), with the JSON pointer to the schema of its {@code application/json} body, empty
 *     when the response is declared without one
 * @param requiredHeaders the names of the header parameters the operation (or its path) marks
 *     {@code required}, as the document spells them, e.g. {@code Signature-Input}
 */
public record ApiOperation(
    Spec spec,
    String operationId,
    String method,
    String path,
    Optional<String> requestBodySchema,
    boolean requestBodyRequired,
    Map<String, Optional<String>> responses,
    List<String> requiredHeaders) {

  /** Copies the responses and headers, keeping their order, and rejects missing parts. */
  public ApiOperation {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(requestBodySchema, "requestBodySchema");
    responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    requiredHeaders = List.copyOf(requiredHeaders);
  }

  /**
   * The declared response that covers a status, chosen as OpenAPI 3.1 §4.8.16 says: the exact code,
   * then its range ({@code 4XX}), then {@code default}.
   */
  public Optional<String> responseKey(int status) {
    for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
      if (responses.containsKey(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
