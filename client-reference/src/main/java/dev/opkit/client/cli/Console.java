package dev.opkit.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opkit.client.exchange.Exchange;
import dev.opkit.client.exchange.RecordedRequest;
import dev.opkit.client.exchange.RecordedResponse;
import dev.opkit.protocol.json.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Prints for people or for machines: one line per protocol step, or one JSON document at the end;
 * with {@code --verbose}, each exchange (signed headers, signature base, answer) on standard error.
 */
final class Console {
  private static final int STEP_WIDTH = 34;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean verbose;

  Console(CliContext context, boolean json, boolean verbose) {
    this.out = context.out();
    this.err = context.err();
    this.json = json;
    this.verbose = verbose;
  }

  boolean json() {
    return json;
  }

  boolean verbose() {
    return verbose;
  }

  /** A line for people; nothing in JSON mode. */
  void line(String text) {
    if (!json) {
      out.println(text);
      out.flush();
    }
  }

  /** A label and a value for people, aligned. */
  void field(String label, Object value) {
    line(String.format("%-12s %s", label, value));
  }

  /** A protocol step: what was done and what came back. */
  void step(String step, String detail) {
    if (!json) {
      out.println(String.format("%-" + STEP_WIDTH + "s %s", step, detail));
      out.flush();
    }
  }

  /** A note on standard error, e.g. where to approve a payment, shown in both modes. */
  void note(String text) {
    err.println(text);
    err.flush();
  }

  /** The JSON result in JSON mode; nothing for people. */
  void result(Object value) {
    if (json) {
      try {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
    }
  }

  /** One exchange, in full, on standard error when verbose. */
  void exchange(Exchange exchange) {
    if (!verbose) {
      return;
    }
    RecordedRequest request = exchange.request();
    err.println("> " + request.requestLine() + "    [" + exchange.operationId() + "]");
    request.headers().forEach((name, value) -> err.println("> " + name + ": " + value));
    if (!request.body().isEmpty()) {
      err.println(">");
      err.println("> " + request.body());
    }
    request
        .signature()
        .ifPresent(
            base -> {
              err.println("  signature base:");
              base.lines().forEach(line -> err.println("  | " + line));
            });
    if (exchange.receivedResponse().isPresent()) {
      RecordedResponse response = exchange.receivedResponse().get();
      err.println("< " + response.status() + " (" + exchange.elapsed().toMillis() + " ms)");
      if (!response.body().isEmpty()) {
        err.println("< " + response.body());
      }
    } else {
      err.println("< no answer: " + exchange.failure().orElse(""));
    }
    err.println();
    err.flush();
  }
}
