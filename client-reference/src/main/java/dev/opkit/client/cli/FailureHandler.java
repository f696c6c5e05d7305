package dev.opkit.client.cli;

import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.client.error.TransportException;
import dev.opkit.client.interaction.ConsentPageException;
import dev.opkit.client.recurring.ScheduleException;
import dev.opkit.client.recurring.StateFileException;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Turns a failed command into a message on standard error, and a JSON error with {@code --json}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  private final CliContext context;
  private final List<String> args;

  FailureHandler(CliContext context, String[] args) {
    this.context = context;
    this.args = Arrays.asList(args);
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, CommandLine.ParseResult parseResult) {
    int code = exitCode(failure);
    context.err().println("opm: " + failure.getMessage());
    if (failure instanceof ResponseValidationException invalid) {
      invalid.violations().forEach(v -> context.err().println("  " + v));
    }
    if (code == ExitCodes.INTERNAL) {
      if (args.contains("--verbose") || args.contains("-v")) {
        failure.printStackTrace(context.err());
      } else {
        context.err().println("(run again with --verbose for the stack trace)");
      }
    }
    if (args.contains("--json")) {
      context.out().println(Json.write(Map.of("error", describe(failure, code))));
    }
    context.err().flush();
    context.out().flush();
    return code;
  }

  static int exitCode(Throwable failure) {
    if (failure instanceof CliException cli) {
      return cli.exitCode();
    }
    if (failure instanceof ApiErrorException || failure instanceof ScheduleException) {
      return ExitCodes.API_ERROR;
    }
    if (failure instanceof TransportException) {
      return ExitCodes.NETWORK;
    }
    if (failure instanceof ResponseValidationException) {
      return ExitCodes.INVALID_RESPONSE;
    }
    if (failure instanceof ConsentPageException) {
      return ExitCodes.CONSENT;
    }
    if (failure instanceof StateFileException) {
      return ExitCodes.STATE_FILE;
    }
    if (failure instanceof ProtocolException || failure instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.INTERNAL;
  }

  private static Map<String, Object> describe(Exception failure, int code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("exitCode", code);
    error.put("message", failure.getMessage());
    if (failure instanceof OpenPaymentsException call) {
      error.put("method", call.method());
      error.put("url", call.url());
    }
    if (failure instanceof ApiErrorException api) {
      error.put("status", api.status());
      api.code().ifPresent(c -> error.put("code", c));
      api.description().ifPresent(d -> error.put("description", d));
      if (!api.details().isEmpty()) {
        error.put("details", api.details());
      }
    }
    if (failure instanceof TransportException transport) {
      error.put("failure", transport.failure().name());
    }
    if (failure instanceof ResponseValidationException invalid) {
      error.put(
          "violations",
          invalid.violations().stream()
              .map(
                  v ->
                      Map.of(
                          "location", v.location(), "keyword", v.keyword(), "message", v.message()))
              .toList());
    }
    return error;
  }
}
