package dev.opkit.mock.http;

import java.util.Map;

/**
 * A request that breaks its operation's OpenAPI description: a body against the schema, or a
 * missing header the operation requires. 400 {@code invalid_request} naming the violations;
 * rendered as Rafiki's request validator renders it when the provider's profile says so.
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
    super(400, ErrorCodes.INVALID_REQUEST, description, details);
    this.validatorMessage = validatorMessage;
  }

  /** The description Rafiki's validator gives: its prefix and the first violation. */
  public String rafikiDescription() {
    return RAFIKI_PREFIX + validatorMessage;
  }
}
