package dev.opkit.protocol.model;

import dev.opkit.protocol.gnap.GnapErrorCode;
import java.util.Map;

/**
 * An error body, {@code {"error": {"code", "description", "details"?}}}, as both servers send it
 * (resource-server {@code error-response}; auth-server {@code error-*}; RFC 9635 §3.6).
 */
public record ErrorResponse(ErrorObject error) {
  public ErrorResponse {
    Fields.required(error, "error response", "error");
  }

  /** A GNAP error from the authorization server. */
  public static ErrorResponse of(GnapErrorCode code, String description) {
    return of(code.code(), description);
  }

  /** An error with any code, e.g. {@code "404"} as Rafiki's resource server writes it. */
  public static ErrorResponse of(String code, String description) {
    return new ErrorResponse(new ErrorObject(code, description, null));
  }

  /** An error with details. */
  public static ErrorResponse of(String code, String description, Map<String, ?> details) {
    return new ErrorResponse(new ErrorObject(code, description, Fields.freeForm(details)));
  }
}
