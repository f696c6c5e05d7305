package dev.opkit.mock.http;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The host names this sandbox answers to. A page in the developer's browser can point a name of its
 * own at 127.0.0.1 (DNS rebinding) and then read and change a local server as if it were its own
 * site; the browser still sends that foreign name in {@code Host}, so refusing every name that is
 * not the sandbox's stops it. The sandbox's names are the loopback ones, the interface it listens
 * on, the host of each configured public URL and whatever the configuration allows on top ({@code
 * *} allows any name, which switches the defence off).
 */
public final class AllowedHosts {
  /** The names of this machine's loopback interface, in the form a {@code Host} header has. */
  public static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

  /** The allow-list entry that allows any name. */
  public static final String ANY = "*";

  private final Set<String> names;
  private final boolean any;

  /** The loopback names and {@code names} (each as {@link #normalise} accepts it). */
  public AllowedHosts(Collection<String> names) {
    Set<String> all = new LinkedHashSet<>(LOOPBACK);
    boolean anyName = false;
    for (String name : names) {
      String normalised = normalise(name);
      if (ANY.equals(normalised)) {
        anyName = true;
      } else {
        all.add(normalised);
      }
    }
    this.names = Set.copyOf(all);
    this.any = anyName;
  }

  /**
   * An allow-list entry in the form a {@code Host} header names it: lower case, an IPv6 address in
   * brackets, no port.
   *
   * @throws IllegalArgumentException naming the entry when it is not a host name or address
   */
  public static String normalise(String name) {
    String trimmed = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (ANY.equals(trimmed)) {
      return ANY;
    }
    if (trimmed.contains(":") && !trimmed.startsWith("[")) {
      trimmed = "[" + trimmed + "]";
    }
    if (!(trimmed.matches("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?")
        || trimmed.matches("\\[[0-9a-f:.]+]"))) {
      throw new IllegalArgumentException(
          "an allowed host is a host name or IP address without scheme or port, e.g."
              + " my-laptop.local, 192.168.1.20 or ::1 (or * for any name), got '"
              + name
              + "'");
    }
    return trimmed;
  }

  /** Whether {@code host} (a host name or address as a URI gives it) is one of the names. */
  public boolean allowsName(String host) {
    return any || (host != null && names.contains(host.toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether {@code host} is one of the names themselves, however the configuration allows any name:
   * a URL on such a host certainly reaches this machine.
   */
  public boolean names(String host) {
    return host != null && names.contains(host.toLowerCase(Locale.ROOT));
  }

  /** Whether a {@code Host} header value ({@code name[:port]}) names this sandbox. */
  public boolean allowsHeader(String hostHeader) {
    return any || nameOf(hostHeader).map(names::contains).orElse(false);
  }

  /** The names, loopback first, for messages. */
  public List<String> names() {
    List<String> sorted = new java.util.ArrayList<>(LOOPBACK);
    names.stream().filter(n -> !LOOPBACK.contains(n)).sorted().forEach(sorted::add);
    return sorted;
  }

  /** The name part of a {@code Host} header, lower case, or empty when it has none. */
  static Optional<String> nameOf(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return Optional.empty();
    }
    String value = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? Optional.empty() : Optional.of(value.substring(0, end + 1));
    }
    int colon = value.indexOf(':');
    return Optional.of(colon < 0 ? value : value.substring(0, colon));
  }
}
