package dev.opkit.client.interaction;

/**
 * Gets the user's consent for an interactive grant (RFC 9635 §4; the guide's steps 7–8): sends the
 * user to the authorization server and reports how the interaction finished. The caller verifies
 * the finish hash.
 */
public interface InteractionHandler {
  /**
   * The URI to put in the grant request's {@code interact.finish.uri}, where this handler expects
   * the user to come back.
   */
  String finishUri();

  /** Runs the interaction and waits for its end. */
  InteractionResult interact(Interaction interaction);
}
