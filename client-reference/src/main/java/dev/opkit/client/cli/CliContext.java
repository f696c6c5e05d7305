package dev.opkit.client.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command run sees of the world: where to print and the environment variables. {@code Opm}
 * passes the real ones; tests pass their own.
 *
 * @param out standard output
 * @param err standard error
 * @param env the environment variables
 */
record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env) {
  /** An environment variable, or null. */
  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
