package dev.opkit.mock.auth.client;

import java.util.ArrayList;
import java.util.List;

/**
 * What a key lookup did, in words, for the request journal: where the keys came from (this sandbox,
 * a cache, an HTTP fetch), which key ids they listed and whether the signature's {@code keyid} was
 * among them. Filled by one request's lookup; not shared between threads.
 */
public final class KeyLookupTrace {
  private final List<String> steps = new ArrayList<>();
  private String keyId;

  void lookingFor(String value) {
    keyId = value;
  }

  /** The {@code keyid} looked up, or null when no lookup ran. */
  public String keyId() {
    return keyId;
  }

  void add(String step) {
    steps.add(step);
  }

  /** The steps so far, joined into one line; empty when no lookup ran. */
  public String describe() {
    return String.join("; ", steps);
  }

  /** Whether the lookup ran at all (the verifier stops before it when a cheaper check fails). */
  public boolean ran() {
    return !steps.isEmpty();
  }
}
