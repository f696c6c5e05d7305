package dev.opkit.mock.resource;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.session.SessionAse;
import java.util.Optional;
import java.util.UUID;

/**
 * Resource ids are absolute URLs on the provider that owns the resource, {@code
 * {resourceServer}/{collection}/{uuid}} (the resource server of the session); list cursors are the
 * bare UUIDs (as Rafiki).
 */
public final class ResourceIds {
  private ResourceIds() {}

  /** The UUID of a resource URL of the given collection, e.g. {@code incoming-payments}. */
  public static Optional<UUID> parse(String url, String collection) {
    if (url == null) {
      return Optional.empty();
    }
    String marker = "/" + collection + "/";
    int at = url.lastIndexOf(marker);
    if (at < 0) {
      return Optional.empty();
    }
    return uuid(url.substring(at + marker.length()));
  }

  /** The UUID of a resource URL of a collection of exactly this provider in this session. */
  public static Optional<UUID> parse(SessionAse ase, String url, String collection) {
    String prefix = ase.base() + "/" + collection + "/";
    return url != null && url.startsWith(prefix)
        ? uuid(url.substring(prefix.length()))
        : Optional.empty();
  }

  /** A path segment as a UUID. */
  public static Optional<UUID> uuid(String segment) {
    if (segment == null || segment.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(segment));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The answer for a resource id the server does not know: 401 in the {@code rafiki} profile
   * (Rafiki looks the resource up before checking the token), 404 in {@code strict}.
   */
  public static ApiException unknown(SessionAse ase, String description) {
    int status = ase.profile().unknownResourceStatus();
    return new ApiException(
        status, status == 404 ? ErrorCodes.NOT_FOUND : ErrorCodes.UNAUTHORIZED, description);
  }
}
