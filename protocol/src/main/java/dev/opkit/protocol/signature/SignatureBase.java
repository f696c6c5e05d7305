package dev.opkit.protocol.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The signature base of RFC 9421 §2.5: one line {@code "<component>": <value>} per covered
 * component, in order, then {@code "@signature-params": <inner list>}, joined by {@code \n} with no
 * trailing newline. Its UTF-8 bytes are what Ed25519 signs.
 *
 * <p>Supported derived components (RFC 9421 §2.2): {@code @method}, {@code @target-uri}, {@code
 * @authority}, {@code @scheme}, {@code @path}, {@code @query}, {@code @request-target}. Any other
 * identifier is a header field, whose value is trimmed (RFC 9421 §2.1).
 */
public final class SignatureBase {
  static final String METHOD = "@method";
  static final String TARGET_URI = "@target-uri";
  static final String AUTHORITY = "@authority";
  static final String SCHEME = "@scheme";
  static final String PATH = "@path";
  static final String QUERY = "@query";
  static final String REQUEST_TARGET = "@request-target";
  static final String SIGNATURE_PARAMS = "@signature-params";

  /** The derived components this implementation can compute for a request. */
  public static final Set<String> DERIVED_COMPONENTS =
      Set.of(METHOD, TARGET_URI, AUTHORITY, SCHEME, PATH, QUERY, REQUEST_TARGET);

  private final String text;

  private SignatureBase(String text) {
    this.text = text;
  }

  /**
   * Builds the base for {@code message} from the components and parameters in {@code parameters}.
   *
   * @throws SignatureFormatException if a component is unsupported, a covered header is missing or
   *     holds a line break, or the target URI cannot be split into the parts a component needs
   */
  public static SignatureBase of(HttpMessage message, SignatureParameters parameters) {
    // Sized for a usual Open Payments base (six components), so it does not grow while built.
    StringBuilder base = new StringBuilder(512);
    for (String component : parameters.components()) {
      base.append('"')
          .append(component)
          .append("\": ")
          .append(componentValue(message, component))
          .append('\n');
    }
    base.append('"').append(SIGNATURE_PARAMS).append("\": ").append(parameters.serialise());
    return new SignatureBase(base.toString());
  }

  private static String componentValue(HttpMessage message, String component) {
    if (component.startsWith("@")) {
      return derivedValue(message, component);
    }
    if (!component.equals(component.toLowerCase(Locale.ROOT))) {
      throw new SignatureFormatException(
          "component \"" + component + "\" must be lower-case (RFC 9421 §2.1)");
    }
    String value =
        message
            .header(component)
            .orElseThrow(
                () ->
                    new SignatureFormatException(
                        "component \"" + component + "\" is covered but the header is missing"));
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new SignatureFormatException("header \"" + component + "\" contains a line break");
    }
    return value.strip();
  }

  private static String derivedValue(HttpMessage message, String component) {
    if (!DERIVED_COMPONENTS.contains(component)) {
      throw new SignatureFormatException(
          "component \"" + component + "\" is not a supported derived component for requests");
    }
    if (component.equals(METHOD)) {
      return message.method().toUpperCase(Locale.ROOT);
    }
    if (component.equals(TARGET_URI)) {
      return message.targetUri();
    }
    URI uri = parseTarget(message.targetUri());
    String rawPath = uri.getRawPath();
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    String query = uri.getRawQuery();
    return switch (component) {
      case AUTHORITY -> authority(uri);
      case SCHEME -> uri.getScheme().toLowerCase(Locale.ROOT);
      case PATH -> path;
      case QUERY -> "?" + (query == null ? "" : query);
      case REQUEST_TARGET -> query == null ? path : path + "?" + query;
      default -> throw new IllegalStateException("unhandled derived component " + component);
    };
  }

  private static URI parseTarget(String targetUri) {
    URI uri;
    try {
      uri = new URI(targetUri);
    } catch (URISyntaxException e) {
      throw new SignatureFormatException(
          "target URI \"" + targetUri + "\" is not a valid URI: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      throw new SignatureFormatException(
          "target URI \"" + targetUri + "\" must be absolute (scheme://host/path)");
    }
    return uri;
  }

  /** RFC 9421 §2.2.3: lower-case host, port only when not the scheme's default. */
  private static String authority(URI uri) {
    if (uri.getHost() == null) {
      throw new SignatureFormatException("target URI \"" + uri + "\" has no host");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return defaultPort ? host : host + ":" + port;
  }

  /** The base as text. */
  public String text() {
    return text;
  }

  /** The UTF-8 bytes of the base: the input to Ed25519. */
  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text;
  }
}
