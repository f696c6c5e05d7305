package dev.opkit.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The wallet's time when it differs from this machine's, as in a sandbox whose clock was moved:
 * read once from a URL answering {@code {"now": "<RFC 3339>"}} and kept as an offset to the system
 * clock. Request signatures still use this machine's clock, as servers check them against real
 * time.
 */
final class ServerClock {
  private ServerClock() {}

  /** The system clock when {@code url} is null, else the system clock shifted to the URL's time. */
  static Clock of(String url, Duration timeout) {
    if (url == null) {
      return Clock.systemUTC();
    }
    String body;
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(timeout)
                      .header("Accept", "application/json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new CliException(
            ExitCodes.API_ERROR,
            "the clock URL "
                + url
                + " answered HTTP "
                + response.statusCode()
                + " instead of {\"now\": <timestamp>} (the sandbox serves it at"
                + " <origin>/admin/clock): "
                + response.body());
      }
      body = response.body();
    } catch (IllegalArgumentException e) {
      throw new CliException(
          ExitCodes.USAGE, "the clock URL " + url + " is not a URL: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.NETWORK, "cannot read the time from " + url + ": " + why(e, timeout), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.NETWORK, "interrupted while reading " + url, e);
    }
    Instant now = parse(url, body);
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
  }

  /** Why a request got no answer, in words: Java's I/O exceptions often carry no message. */
  private static String why(IOException e, Duration timeout) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + timeout;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "the host name cannot be resolved";
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused; is the server running at this address?";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static Instant parse(String url, String body) {
    try {
      JsonNode now = Json.mapper().readTree(body).get("now");
      if (now == null || !now.isTextual()) {
        throw new CliException(
            ExitCodes.USAGE, url + " has no \"now\" timestamp in its answer: " + body);
      }
      return Instant.parse(now.asText());
    } catch (IOException | DateTimeParseException e) {
      throw new CliException(
          ExitCodes.USAGE, url + " did not answer {\"now\": <RFC 3339 timestamp>}: " + body, e);
    }
  }
}
