package dev.opkit.protocol.openapi;

import com.networknt.schema.Error;
import java.util.Map;

/**
 * Turns the validator library's errors into {@link SchemaViolation}s, rewording the {@code format}
 * messages, which the library phrases awkwardly, into what the value must look like.
 */
final class ViolationMessages {
  private static final Map<String, String> FORMATS =
      Map.of(
          Uint64Format.NAME,
          "an unsigned 64-bit integer written as a string of decimal digits"
              + " (0 to 18446744073709551615)",
          "date-time",
          "an RFC 3339 date-time such as 2025-05-20T13:00:00Z",
          "uri",
          "an absolute URI (RFC 3986) such as https://wallet.example/alice");

  private ViolationMessages() {}

  static SchemaViolation toViolation(Error error) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String location =
        error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
    String schemaLocation =
        error.getSchemaLocation() == null ? "" : error.getSchemaLocation().toString();
    return new SchemaViolation(location, keyword, message(keyword, error), schemaLocation);
  }

  private static String message(String keyword, Error error) {
    Object[] arguments = error.getArguments();
    if ("format".equals(keyword) && arguments != null && arguments.length >= 2) {
      String expected = FORMATS.get(String.valueOf(arguments[0]));
      if (expected != null) {
        return "\"" + arguments[1] + "\" is not " + expected;
      }
    }
    return error.getMessage();
  }
}
