package dev.opkit.mock.store;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which session (isolated sandbox) something belongs to: {@code default} for the configured seed, a
 * UUID for every session made through {@code POST /admin/sessions} (as Rafiki's tenant ids).
 *
 * @param value {@code default} or a lower-case UUID
 */
public record SessionId(String value) {
  /** The session the sandbox starts with; it keeps the URLs without a session segment. */
  public static final SessionId DEFAULT = new SessionId("default");

  private static final Pattern UUID_SHAPED =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public SessionId {
    Objects.requireNonNull(value, "value");
    if (!value.equals("default") && !isUuidShaped(value)) {
      throw new IllegalArgumentException(
          "a session id is 'default' or a UUID, got '" + value + "'");
    }
  }

  /** A new session's id. */
  public static SessionId random() {
    return new SessionId(UUID.randomUUID().toString());
  }

  /** The id a URL path segment names, when it is UUID-shaped. */
  public static Optional<SessionId> fromSegment(String segment) {
    return segment != null && isUuidShaped(segment)
        ? Optional.of(new SessionId(segment))
        : Optional.empty();
  }

  /** Whether a path segment has the shape of a session id (so it is never a wallet name). */
  public static boolean isUuidShaped(String segment) {
    return segment.length() == 36 && UUID_SHAPED.matcher(segment).matches();
  }

  public boolean isDefault() {
    return this.equals(DEFAULT);
  }

  @Override
  public String toString() {
    return value;
  }
}
