package dev.opkit.client.error;

import dev.opkit.protocol.openapi.SchemaViolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server answered with a success status, but the body breaks the Open Payments 1.3.0 specs: it
 * is not the JSON the operation declares, a field breaks a schema rule, or the values contradict
 * each other (e.g. a new incoming payment that has already received money). Each {@link
 * SchemaViolation} says which field broke which rule.
 */
public final class ResponseValidationException extends OpenPaymentsException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String operationId;
  private final transient List<SchemaViolation> violations;
  private final String body;

  public ResponseValidationException(
      String method,
      String url,
      int status,
      String operationId,
      List<SchemaViolation> violations,
      String body) {
    super(method, url, summary(status, operationId, violations), null);
    this.status = status;
    this.operationId = operationId;
    this.violations = List.copyOf(violations);
    this.body = body == null ? "" : body;
  }

  private static String summary(int status, String operationId, List<SchemaViolation> violations) {
    return "the "
        + status
        + " response of "
        + operationId
        + " breaks the Open Payments spec: "
        + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; "));
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The spec's {@code operationId} of the call, e.g. {@code create-incoming-payment}. */
  public String operationId() {
    return operationId;
  }

  /** What is wrong, one entry per broken rule. */
  public List<SchemaViolation> violations() {
    return violations;
  }

  /** The raw response body. */
  public String body() {
    return body;
  }
}
