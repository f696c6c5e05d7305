package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a continuation request, {@code POST {continue.uri}} (auth-server {@code
 * post-continue}; RFC 9635 §5.1): {@code {"interact_ref": "..."}} after the user approved, or
 * {@code {}} (interactRef null) when polling.
 */
public record ContinueRequest(@JsonProperty("interact_ref") String interactRef) {
  /** The polling form, {@code {}}. */
  public static ContinueRequest poll() {
    return new ContinueRequest(null);
  }
}
