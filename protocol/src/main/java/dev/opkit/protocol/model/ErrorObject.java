package dev.opkit.protocol.model;

import dev.opkit.protocol.gnap.GnapErrorCode;
import java.util.Map;
import java.util.Optional;

/**
 * The inner {@code error} object (resource-server {@code error-response}, auth-server {@code
 * error-*}): a {@code code} (a GNAP code on the AS; Rafiki's RS uses the HTTP status as text), a
 * {@code description}, and optional free-form {@code details}. Nothing is required when reading:
 * Rafiki's AS omits {@code code} on schema failures.
 */
public record ErrorObject(String code, String description, Map<String, Object> details) {
  public ErrorObject {
    details = Fields.freeForm(details);
  }

  /** The code as a GNAP error code, when it is one. */
  public Optional<GnapErrorCode> gnapCode() {
    return code == null ? Optional.empty() : GnapErrorCode.fromCode(code);
  }
}
