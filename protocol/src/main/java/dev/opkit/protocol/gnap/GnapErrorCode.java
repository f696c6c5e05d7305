package dev.opkit.protocol.gnap;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The GNAP error codes Open Payments authorization servers answer with (RFC 9635 §3.6; the
 * auth-server spec's {@code error-*} schemas; PROTOCOL.md §4.5). {@code invalid_flag} is left out:
 * neither the spec nor Rafiki uses it.
 */
public enum GnapErrorCode {
  INVALID_REQUEST("invalid_request"),
  INVALID_CLIENT("invalid_client"),
  INVALID_INTERACTION("invalid_interaction"),
  INVALID_ROTATION("invalid_rotation"),
  INVALID_CONTINUATION("invalid_continuation"),
  USER_DENIED("user_denied"),
  REQUEST_DENIED("request_denied"),
  UNKNOWN_INTERACTION("unknown_interaction"),
  TOO_FAST("too_fast");

  private final String code;

  GnapErrorCode(String code) {
    this.code = code;
  }

  /** The wire code, e.g. {@code invalid_client}. */
  @JsonValue
  public String code() {
    return code;
  }

  /** The constant for a wire code; empty for codes outside this list (e.g. "401" from an RS). */
  public static Optional<GnapErrorCode> fromCode(String code) {
    for (GnapErrorCode value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
