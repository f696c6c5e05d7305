package dev.opkit.sandbox.admin;

/**
 * A session just made: what the sandbox shows of it, and its own admin token when one was asked for
 * (shown only in this answer).
 *
 * @param info the session
 * @param adminToken its admin token, or null
 */
public record CreatedSession(SessionInfo info, String adminToken) {
  public String id() {
    return info.id();
  }
}
