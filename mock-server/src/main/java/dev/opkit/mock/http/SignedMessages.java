package dev.opkit.mock.http;

import dev.opkit.protocol.signature.HttpMessage;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilds a request as the client signed it (RFC 9421 §2.2.2): the {@code @target-uri} is the
 * provider's public base URL plus the raw (still percent-encoded) path and query the server
 * received (with a session's segment, which routing takes out), so a sandbox behind a proxy checks
 * the URL the client really used.
 */
public final class SignedMessages {
  private SignedMessages() {}

  /** The request as an {@link HttpMessage}, with the body read once and shared. */
  public static HttpMessage of(Context ctx, String publicBase) {
    HttpServletRequest req = ctx.req();
    String query = req.getQueryString();
    String target = publicBase + RequestPaths.sent(req) + (query == null ? "" : "?" + query);
    Map<String, String> headers = new LinkedHashMap<>();
    Enumeration<String> names = req.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      headers.put(name, combined(req.getHeaders(name)));
    }
    return new HttpMessage(req.getMethod(), target, headers, JsonRequests.rawBody(ctx));
  }

  /** A field's lines as one value (RFC 9421 §2.1), without a list for the usual single line. */
  private static String combined(Enumeration<String> values) {
    String first = values.hasMoreElements() ? values.nextElement() : "";
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder all = new StringBuilder(first);
    while (values.hasMoreElements()) {
      all.append(", ").append(values.nextElement());
    }
    return all.toString();
  }
}
