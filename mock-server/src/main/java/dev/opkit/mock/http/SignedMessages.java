package dev.opkit.mock.http;

import dev.opkit.protocol.signature.HttpMessage;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
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
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, String.join(", ", Collections.list(req.getHeaders(name))));
    }
    return new HttpMessage(req.getMethod(), target, headers, JsonRequests.rawBody(ctx));
  }
}
