package dev.opkit.mock.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The web origins that are this sandbox's own (RFC 6454): each provider's public origin, and {@code
 * http} on any of the sandbox's host names at a port a provider listens on. Anything else, {@code
 * Origin: null} included, is foreign. Providers are added as they start.
 */
public final class OwnOrigins {
  private final AllowedHosts hosts;
  private final Set<String> publicOrigins = ConcurrentHashMap.newKeySet();
  private final Set<Integer> ports = ConcurrentHashMap.newKeySet();
  private final Map<Integer, String> baseByPort = new ConcurrentHashMap<>();
  private final List<String> publicBases = new CopyOnWriteArrayList<>();

  public OwnOrigins(AllowedHosts hosts) {
    this.hosts = hosts;
  }

  /** Records a provider that listens on {@code port} and is reached at {@code publicBase}. */
  public void listening(String publicBase, int port) {
    ports.add(port);
    baseByPort.put(port, publicBase);
    publicBases.add(publicBase);
    parse(publicBase).ifPresent(publicOrigins::add);
  }

  /**
   * The URL under which this sandbox publishes what {@code url} names, when {@code url} reaches a
   * provider of this sandbox by another spelling: another of the sandbox's host names, another
   * case, the port spelled out or left out, a percent-encoded path. Empty when {@code url} does not
   * certainly reach this sandbox (a name allowed only by {@code *} does not count).
   */
  public Optional<String> canonicalUrl(String url) {
    if (url != null && isPublishedSpelling(url)) {
      return Optional.of(url);
    }
    Optional<String> origin = parse(url);
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    URI uri = URI.create(url.trim());
    String path = uri.getPath() == null ? "" : uri.getPath();
    String rest = (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    for (String base : publicBases) {
      URI published = URI.create(base);
      String prefix = published.getPath() == null ? "" : published.getPath();
      if (parse(base).equals(origin) && path.startsWith(prefix + "/")) {
        return Optional.of(base + path.substring(prefix.length()) + rest);
      }
    }
    String atPort = baseByPort.get(URI.create(origin.get()).getPort());
    if (atPort != null && origin.get().startsWith("http:") && hosts.names(uri.getHost())) {
      return Optional.of(atPort + path + rest);
    }
    return Optional.empty();
  }

  /**
   * Whether {@code url} is already a published URL, spelled as the sandbox publishes it: a public
   * base, then {@code /}, then only characters a URI takes as they are (no escapes, fragment, white
   * space or characters it refuses). The usual case on every signed request, answered without
   * parsing.
   */
  private boolean isPublishedSpelling(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    for (String base : publicBases) {
      if (url.length() > base.length()
          && url.charAt(base.length()) == '/'
          && url.startsWith(base)
          && base.indexOf('?') < 0) {
        return true;
      }
    }
    return false;
  }

  /** The sandbox's host names. */
  public AllowedHosts hosts() {
    return hosts;
  }

  /** Whether a provider of this sandbox listens on {@code port}. */
  public boolean isListeningPort(int port) {
    return ports.contains(port);
  }

  /** Whether an {@code Origin} header value names this sandbox. */
  public boolean isOwn(String origin) {
    Optional<String> normalised = parse(origin);
    if (normalised.isEmpty()) {
      return false;
    }
    if (publicOrigins.contains(normalised.get())) {
      return true;
    }
    URI uri = URI.create(normalised.get());
    return "http".equals(uri.getScheme())
        && hosts.allowsName(uri.getHost())
        && ports.contains(uri.getPort());
  }

  /** {@code scheme://host:port} in lower case with the port spelled out, or empty. */
  static Optional<String> parse(String url) {
    if (url == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return Optional.empty();
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
  }
}
