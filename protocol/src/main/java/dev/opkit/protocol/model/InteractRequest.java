package dev.opkit.protocol.model;

import java.util.List;

/**
 * The {@code interact} member of a grant request (auth-server {@code interact-request}; RFC 9635
 * §2.5): how interaction can start ({@code ["redirect"]}) and, optionally, how it finishes. Without
 * {@code finish} the client has to poll the continuation URI.
 */
public record InteractRequest(List<String> start, InteractFinish finish) {
  /** The only start method Open Payments defines. */
  public static final String REDIRECT = "redirect";

  public InteractRequest {
    start = Fields.requiredList(start, "interact", "start");
  }

  /** {@code {"start":["redirect"],"finish":finish}}; {@code finish} may be null. */
  public static InteractRequest redirect(InteractFinish finish) {
    return new InteractRequest(List.of(REDIRECT), finish);
  }
}
