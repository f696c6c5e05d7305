package dev.opkit.mock.session;

import dev.opkit.mock.store.SessionId;
import java.util.Optional;
import java.util.Set;

/**
 * Which session a request path names and the path the routes of one provider see: a session's URLs
 * carry its id as one path segment ({@code /{session}/…} for wallet addresses and the resource
 * server, {@code /auth/{session}…} for the auth server, {@code /admin/sessions/{session}/…} for the
 * admin API), every other path belongs to the default session. One route table serves all sessions:
 * the segment is taken out before routing, and {@code /{session}/alice} is routed as {@code /alice}
 * of that session.
 *
 * @param session the session the path names, or empty for the default session
 * @param innerPath the path without the session segment, as the routes match it (still raw)
 * @param routable false for a path that names a session but no route of it, e.g. {@code /{session}}
 *     or {@code /{session}/admin}: only the shapes above reach a session
 */
public record SessionPath(Optional<SessionId> session, String innerPath, boolean routable) {
  private static final String ADMIN_SESSIONS = "/admin/sessions/";
  private static final String AUTH = "/auth/";

  /** First segments after {@code /{session}} that belong to other parts of the origin. */
  private static final Set<String> NOT_UNDER_A_SESSION = Set.of("admin", "auth", "dashboard");

  /** The session and routed path of a raw request path (no query). */
  public static SessionPath of(String rawPath) {
    if (rawPath.startsWith(ADMIN_SESSIONS)) {
      return underPrefix(rawPath, ADMIN_SESSIONS, "/admin", true);
    }
    if (rawPath.startsWith(AUTH)) {
      return underPrefix(rawPath, AUTH, "/auth", false);
    }
    if (rawPath.length() > 1) {
      Segment first = Segment.after(rawPath, 1);
      Optional<SessionId> id = SessionId.fromSegment(first.value());
      if (id.isPresent()) {
        String tail = first.tail();
        boolean routable =
            tail.length() > 1 && !NOT_UNDER_A_SESSION.contains(Segment.after(tail, 1).value());
        return new SessionPath(id, tail, routable);
      }
    }
    return new SessionPath(Optional.empty(), rawPath, true);
  }

  /** Whether the path names a session other than the default one. */
  public boolean namesSession() {
    return session.isPresent();
  }

  /**
   * {@code /admin/sessions/{id}} itself is a route of the sessions collection (kept as it is, the
   * session noted for the admin token); {@code /admin/sessions/{id}/x} is {@code /admin/x} of the
   * session, except the sessions collection itself (no sessions in sessions).
   */
  private static SessionPath underPrefix(
      String rawPath, String prefix, String mountedAt, boolean admin) {
    Segment segment = Segment.after(rawPath, prefix.length());
    Optional<SessionId> id = SessionId.fromSegment(segment.value());
    if (id.isEmpty()) {
      return new SessionPath(Optional.empty(), rawPath, true);
    }
    String tail = segment.tail();
    if (admin && tail.isEmpty()) {
      return new SessionPath(id, rawPath, true);
    }
    boolean routable = !(admin && Segment.after(tail, 1).value().equals("sessions"));
    return new SessionPath(id, mountedAt + tail, routable);
  }

  /** One path segment starting at an index, and what follows it (from its slash on, or empty). */
  private record Segment(String value, String tail) {
    static Segment after(String path, int start) {
      if (start > path.length()) {
        return new Segment("", "");
      }
      int end = path.indexOf('/', start);
      return end < 0
          ? new Segment(path.substring(start), "")
          : new Segment(path.substring(start, end), path.substring(end));
    }
  }
}
