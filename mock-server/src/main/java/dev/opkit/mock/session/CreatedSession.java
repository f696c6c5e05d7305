package dev.opkit.mock.session;

import java.util.Objects;
import java.util.Optional;

/**
 * A session just made, with its own admin token when one was asked for: the only time the token is
 * shown.
 *
 * @param session the session
 * @param adminToken the admin token, or null
 */
public record CreatedSession(Session session, String adminToken) {
  public CreatedSession {
    Objects.requireNonNull(session, "session");
  }

  public Optional<String> adminTokenIfAny() {
    return Optional.ofNullable(adminToken);
  }
}
