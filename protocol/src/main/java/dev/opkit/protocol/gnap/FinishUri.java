package dev.opkit.protocol.gnap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an authorization server may send the user back after interaction: the rule for {@code
 * interact.finish.uri} (RFC 9635 §2.5.2 and §2.5.2.1). It must be an absolute {@code https} URI, or
 * {@code http} on a loopback host (a server on the user's own machine), and carry no fragment. So
 * {@code javascript:}, {@code data:} and {@code file:} URIs, which would run in or read from the
 * user's browser, are refused, as are other schemes and relative references. RFC 9635 also allows
 * application-specific schemes of native apps; Open Payments clients are web servers and CLIs, and
 * this project refuses them.
 */
public final class FinishUri {
  /** The rule in one sentence, for error messages. */
  public static final String RULE =
      "interact.finish.uri must be an absolute https URI, or http on a loopback host (localhost,"
          + " 127.0.0.1, [::1]), without a fragment (RFC 9635 §2.5.2)";

  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

  private FinishUri() {}

  /**
   * Checks a finish URI.
   *
   * @throws InvalidFinishUriException naming the rule and what broke it
   */
  public static void check(String uri) {
    Optional<String> problem = problem(uri);
    if (problem.isPresent()) {
      throw new InvalidFinishUriException(RULE + "; got '" + uri + "': " + problem.get());
    }
  }

  /** What is wrong with a finish URI, or empty when it follows the rule. */
  public static Optional<String> problem(String uri) {
    if (uri == null || uri.isBlank()) {
      return Optional.of("it is empty");
    }
    Matcher scheme = SCHEME.matcher(uri);
    if (scheme.lookingAt()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("https") && !name.equals("http")) {
        return Optional.of("the scheme " + name + ": is not allowed");
      }
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return Optional.of("it is not a URI (" + e.getReason() + ")");
    }
    if (!parsed.isAbsolute()) {
      return Optional.of("it is a relative reference; give scheme and host");
    }
    if (parsed.getRawFragment() != null) {
      return Optional.of("it has a fragment (#" + parsed.getRawFragment() + ")");
    }
    if (parsed.getHost() == null) {
      return Optional.of("it has no host");
    }
    if (parsed.getScheme().equalsIgnoreCase("http") && !isLoopback(parsed.getHost())) {
      return Optional.of(
          "plain http is allowed only on a loopback host, not on " + parsed.getHost());
    }
    return Optional.empty();
  }

  /** Whether a host (as {@link URI#getHost()} gives it) is this machine's loopback interface. */
  public static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || name.equals("[::1]")
        || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
