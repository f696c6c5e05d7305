package dev.opkit.client.exchange;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and what came of it: a response, or a transport failure when none arrived. Given to
 * an {@link ExchangeListener} after every call, error answers included.
 *
 * @param operationId the spec's operationId of the call, e.g. {@code post-request}
 * @param request the request as sent
 * @param response the response, or null when the request failed in transport
 * @param transportFailure what went wrong in transport, or null when a response arrived
 * @param elapsed time from sending to the end of the response (or failure)
 */
public record Exchange(
    String operationId,
    RecordedRequest request,
    RecordedResponse response,
    String transportFailure,
    Duration elapsed) {

  public Exchange {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(elapsed, "elapsed");
    if ((response == null) == (transportFailure == null)) {
      throw new IllegalArgumentException("an exchange has either a response or a failure");
    }
  }

  /** The response, when one arrived. */
  public Optional<RecordedResponse> receivedResponse() {
    return Optional.ofNullable(response);
  }

  /** The transport failure, when no response arrived. */
  public Optional<String> failure() {
    return Optional.ofNullable(transportFailure);
  }
}
