package dev.opkit.mock.http;

import java.util.Map;

/**
 * A request that breaks its operation's OpenAPI description: a body against the schema, a missing
 * header the operation requires (400 {@code invalid_request} naming the violations), an {@code
 * Accept} without JSON (406) or a body in another media type (415). Rendered as Rafiki's request
 * validator renders it when the provider's profile says so.
 */
public final class RequestSchemaException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** What Rafiki's request validator puts before the first violation. */
  public static final String RAFIKI_PREFIX = "Received error validating OpenAPI request: ";

  private final String validatorMessage;

  /**
   * @param description the sandbox's description, naming every violation
   * @param details the violations, for {@code error.details}
   * @param validatorMessage the first violation in the validator's form, e.g. {@code
   *     body.incomingAmount.value must match format "uint64"}
   */
  RequestSchemaException(String description, Map<String, ?> details, String validatorMessage) {
    this(400, ErrorCodes.INVALID_REQUEST, description, details, validatorMessage);
  }

  /**
   * @param status 400, or 406 / 415 for the media types
   * @param code the sandbox's error name
   * @param validatorMessage what the validator says, e.g. {@code Must accept application/json}
   */
  RequestSchemaException(
      int status,
      String code,
      String description,
      Map<String, ?> details,
      String validatorMessage) {
    super(status, code, description, details);
    this.validatorMessage = validatorMessage;
  }

  /** The description Rafiki's validator gives: its prefix and the (first) violation. */
  public String rafikiDescription() {
    return RAFIKI_PREFIX + validatorMessage;
  }
}
