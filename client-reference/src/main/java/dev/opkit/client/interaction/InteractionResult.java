package dev.opkit.client.interaction;

import java.util.Objects;

/**
 * How an interaction ended: approved (the finish redirect carried {@code hash} and {@code
 * interact_ref}), rejected or failed (it carried neither; PROTOCOL.md §4.2, §10), or no redirect
 * came in time.
 */
public sealed interface InteractionResult
    permits InteractionResult.Approved, InteractionResult.Refused, InteractionResult.TimedOut {

  /**
   * The user approved; the hash is not yet verified.
   *
   * @param interactRef the {@code interact_ref} to continue the grant with
   * @param hash the {@code hash} to verify
   */
  record Approved(String interactRef, String hash) implements InteractionResult {
    public Approved {
      Objects.requireNonNull(interactRef, "interactRef");
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * The redirect came back without {@code hash} and {@code interact_ref}.
   *
   * @param result the {@code result} parameter (e.g. {@code grant_rejected}), or null
   * @param message the {@code message} parameter, or null
   */
  record Refused(String result, String message) implements InteractionResult {
    /** Whether the user said no (Rafiki's {@code result=grant_rejected}). */
    public boolean rejectedByUser() {
      return "grant_rejected".equals(result);
    }

    /** {@code result} and {@code message} for a person, e.g. {@code grant_rejected}. */
    public String describe() {
      String text = result == null ? "no hash or interact_ref in the finish redirect" : result;
      return message == null ? text : text + ": " + message;
    }
  }

  /**
   * The user did not come back in time.
   *
   * @param waitedSeconds how long the handler waited
   */
  record TimedOut(long waitedSeconds) implements InteractionResult {}
}
