package dev.opkit.protocol.json;

import dev.opkit.protocol.ProtocolException;

/**
 * A JSON text that could not be read into the expected Open Payments type. {@link #path()} names
 * where the problem is (e.g. {@code incomingAmount.value}, {@code access_token.access[0].type};
 * empty for the document itself) so a server can answer 400 naming it.
 */
public class InvalidJsonException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  public InvalidJsonException(String path, String problem, Throwable cause) {
    super(path.isEmpty() ? problem : "at " + path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /** Dotted path of the offending value, with {@code [i]} for array items; empty for the root. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }
}
